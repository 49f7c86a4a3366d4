package io.connectionportal.shared;

import java.util.Arrays;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps CSRF protection whole now that {@code quarkus.rest-csrf.require-form-url-encoded=false} lets JSON through:
 * a POST to anything but an endpoint declared {@code @Consumes(application/json)} must be a form
 * (which the CSRF filter checks), so a cross-site {@code text/plain} POST still never reaches a page's action. JSON
 * endpoints take no cookie credential, and a browser cannot send cross-site JSON without a CORS preflight.
 */
class FormPostsOnly {

    @ServerRequestFilter
    Optional<Response> refuseNonForms(ContainerRequestContext request, ResourceInfo resource) {
        // Only POST: a cross-site page can send no PUT, PATCH or DELETE without a CORS preflight, which is never
        // granted.
        if (!"POST".equals(request.getMethod()) || consumesJson(resource)) {
            return Optional.empty();
        }
        MediaType type = request.getMediaType();
        boolean form = type != null
                && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
        // 400 without a body, as the CSRF filter answered before: ErrorPages explains it as an expired form.
        return form
                ? Optional.empty()
                : Optional.of(Response.status(Response.Status.BAD_REQUEST).build());
    }

    private static boolean consumesJson(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return false;
        }
        Consumes consumes = resource.getResourceMethod().getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        return consumes != null && Arrays.stream(consumes.value()).allMatch(MediaType.APPLICATION_JSON::equals);
    }
}
