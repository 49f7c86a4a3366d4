package io.connectionportal.api;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The head of the OpenAPI document at /q/openapi: every operation needs a bearer API key. */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Connection Portal API",
                        version = "v1",
                        description =
                                "The integrators' JSON API: companies and their connections. Every request carries"
                                        + " Authorization: Bearer <API key>. Errors are RFC 9457 problem details"
                                        + " (application/problem+json). Lists are cursor-paginated (limit, cursor, next)."
                                        + " Every POST honours an Idempotency-Key header for 24 hours. Unknown JSON fields are"
                                        + " refused with 400, each named."),
        security = @SecurityRequirement(name = ApiDocument.BEARER))
@SecurityScheme(
        securitySchemeName = ApiDocument.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An API key, e.g. cp_live_…, made in the back office or by portal.api.bootstrap-key")
final class ApiDocument {

    private ApiDocument() {}

    static final String BEARER = "apiKey";

    static final String UNAUTHORIZED_EXAMPLE =
            "{\"type\":\"urn:connection-portal:problem:unauthorized\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"This API key is unknown or was revoked.\"}";
    static final String NOT_FOUND_EXAMPLE =
            "{\"type\":\"urn:connection-portal:problem:not-found\",\"title\":\"Not found\",\"status\":404,"
                    + "\"detail\":\"No company with this id.\"}";
    static final String INVALID_EXAMPLE = "{\"type\":\"urn:connection-portal:problem:validation\","
            + "\"title\":\"Invalid request\",\"status\":400,\"detail\":\"The request has 1 invalid field.\","
            + "\"errors\":[{\"field\":\"country\",\"detail\":\"must be an ISO 3166-1 alpha-2 code in capitals,"
            + " such as FR or GB\"}]}";
}
