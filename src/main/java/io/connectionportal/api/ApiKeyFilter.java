package io.connectionportal.api;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The API's only door: every {@code /api/} request needs a known, unrevoked bearer key, and nothing else counts (a
 * session cookie signs no API request in). Pages never read this header, so a key opens no page. It is a filter,
 * not a second HttpAuthenticationMechanism, so the session mechanism's login redirect never answers an API call.
 */
class ApiKeyFilter {

    private final ApiKeys keys;
    private final ApiCaller caller;

    ApiKeyFilter(ApiKeys keys, ApiCaller caller) {
        this.keys = keys;
        this.caller = caller;
    }

    @ServerRequestFilter
    Optional<Response> authenticate(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return Optional.empty();
        }
        Optional<String> key = Authorization.bearerKey(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (key.isEmpty()) {
            return Optional.of(unauthorized(
                    "Bearer realm=\"api\"",
                    "Send an API key in the Authorization header: Authorization: Bearer <key>."));
        }
        Optional<ApiKeys.Caller> found = keys.recognise(key.get());
        if (found.isEmpty()) {
            return Optional.of(unauthorized(
                    "Bearer realm=\"api\", error=\"invalid_token\"", "This API key is unknown or was revoked."));
        }
        caller.set(found.get());
        return Optional.empty();
    }

    private static Response unauthorized(String challenge, String detail) {
        return Problem.of(401, "unauthorized", "Unauthorized", detail)
                .toResponse()
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .build();
    }
}
