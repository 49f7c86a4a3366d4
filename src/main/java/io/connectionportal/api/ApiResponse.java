package io.connectionportal.api;

import java.net.URI;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A response as it is sent and as Idempotency-Key stores it: status, JSON body, and Location when one was made. */
record ApiResponse(int status, String body, String location) {

    static ApiResponse of(Problem problem) {
        return new ApiResponse(problem.status(), Json.write(problem), null);
    }

    Response toResponse(boolean replayed) {
        Response.ResponseBuilder response = Response.status(status)
                .type(status >= 400 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(body);
        if (location != null) {
            response.location(URI.create(location));
        }
        if (replayed) {
            response.header(Idempotency.REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
