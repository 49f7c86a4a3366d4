package io.connectionportal.shared;

import java.net.URI;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Redirects go to {@code portal.base-url}, never to the host a request claimed: JAX-RS would otherwise make a
 * relative {@code Location} absolute with the request's {@code Host} header, which anyone can set.
 */
class LocationFilter {

    private final String baseUrl;

    LocationFilter(PortalConfig config) {
        String base = config.baseUrl();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @ServerResponseFilter
    void fromBaseUrl(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        String target = location.toString();
        // By now a path like /connect reads http://<Host header>/connect: put the configured address in its place.
        String requestBase = request.getUriInfo().getBaseUri().toString();
        String requestOrigin =
                requestBase.endsWith("/") ? requestBase.substring(0, requestBase.length() - 1) : requestBase;
        if (target.startsWith(requestOrigin + "/")) {
            response.getHeaders()
                    .putSingle(HttpHeaders.LOCATION, URI.create(baseUrl + target.substring(requestOrigin.length())));
        }
    }
}
