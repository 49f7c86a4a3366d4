package io.connectionportal.api;

/** Texts shared by the API's OpenAPI annotations (the head of the document is on {@link CompaniesResource}). */
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
