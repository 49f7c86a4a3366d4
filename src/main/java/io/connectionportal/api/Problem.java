package io.connectionportal.api;

import java.util.List;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An error as RFC 9457 problem details ({@code application/problem+json}). {@code type} is a URN naming the kind of
 * problem, stable for programs to branch on; {@code errors} lists each bad field of a request with what is wrong.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
record Problem(
        @Schema(example = "urn:connection-portal:problem:validation")
        String type,

        @Schema(example = "Invalid request") String title,
        @Schema(example = "400") int status,

        @Schema(example = "The request has 1 invalid field.")
        String detail,

        List<FieldError> errors) {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:connection-portal:problem:";

    /** One bad field or query parameter: its name and what is wrong with it. */
    @Schema(name = "FieldError")
    record FieldError(
            @Schema(example = "country") String field,

            @Schema(example = "must be an ISO 3166-1 alpha-2 code such as FR")
            String detail) {}

    static Problem of(int status, String kind, String title, String detail) {
        return new Problem(TYPE_PREFIX + kind, title, status, detail, null);
    }

    static Problem invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? "The request has 1 invalid field."
                : "The request has " + errors.size() + " invalid fields.";
        return new Problem(TYPE_PREFIX + "validation", "Invalid request", 400, detail, List.copyOf(errors));
    }

    static Problem notFound(String detail) {
        return of(404, "not-found", "Not found", detail);
    }

    Response.ResponseBuilder toResponse() {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(Json.write(this));
    }
}
