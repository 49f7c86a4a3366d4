package io.connectionportal.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.connectionportal.shared.ApiPaths;

/**
 * Errors the framework answers before any API code runs (an unknown path, a wrong method or media type, a request
 * refused by a filter) come back as problem details too, never as an empty body or an HTML page.
 */
class ApiProblems {

    @ServerResponseFilter
    void asProblem(ContainerRequestContext request, ContainerResponseContext response) {
        if (!ApiPaths.isApi(request.getUriInfo().getPath()) || response.getStatus() < 400) {
            return;
        }
        Object type = response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        if (response.hasEntity() && type != null && type.toString().startsWith(Problem.MEDIA_TYPE)) {
            return;
        }
        Problem problem = problem(response.getStatus());
        response.setEntity(Json.write(problem), null, jakarta.ws.rs.core.MediaType.valueOf(Problem.MEDIA_TYPE));
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    static Problem problem(int status) {
        return switch (status) {
            case 404 -> Problem.notFound("No such API path; the operations are listed at /q/openapi.");
            case 405 ->
                Problem.of(405, "method-not-allowed", "Method not allowed", "This path does not take this method.");
            case 406 -> Problem.of(406, "not-acceptable", "Not acceptable", "The API answers application/json only.");
            case 415 ->
                Problem.of(
                        415,
                        "unsupported-media-type",
                        "Unsupported media type",
                        "Send the body as application/json, or no body where the operation takes none.");
            default ->
                status >= 500
                        ? Problem.of(status, "server-error", "Server error", "The portal could not answer; try again.")
                        : Problem.of(status, "bad-request", "Bad request", "The request could not be read.");
        };
    }
}
