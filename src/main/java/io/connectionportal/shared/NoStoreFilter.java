package io.connectionportal.shared;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Pages shown to a signed-in user, and a colleague's share-link pages (which show a secret link or a
 * company's name), are never kept by a browser or a proxy cache: {@code Cache-Control: no-store}.
 */
class NoStoreFilter {

    private final CurrentUser viewer;

    NoStoreFilter(CurrentUser viewer) {
        this.viewer = viewer;
    }

    @ServerResponseFilter
    void noStore(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        Object current = response.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL);
        boolean alreadyNoStore = current != null && current.toString().contains("no-store");
        if ((viewer.signedIn() || path.startsWith("/share")) && !alreadyNoStore) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
