package io.connectionportal.api;

import java.time.Duration;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.connectionportal.shared.ApiPaths;

/**
 * The API's only door: every {@code /api/} request needs a known, unrevoked bearer key, and nothing else counts (a
 * session cookie signs no API request in). Pages never read this header, so a key opens no page. It is a filter,
 * not a second HttpAuthenticationMechanism, so the session mechanism's login redirect never answers an API call.
 */
class ApiKeyFilter {

    private final ApiKeys keys;
    private final ApiCaller caller;
    private final ApiRateLimit rateLimit;

    ApiKeyFilter(ApiKeys keys, ApiCaller caller, ApiRateLimit rateLimit) {
        this.keys = keys;
        this.caller = caller;
        this.rateLimit = rateLimit;
    }

    @ServerRequestFilter
    Optional<Response> authenticate(ContainerRequestContext request) {
        if (!ApiPaths.isApi(request.getUriInfo().getPath())) {
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
        Optional<Duration> wait = rateLimit.take(found.get().keyId());
        if (wait.isPresent()) {
            long seconds = (wait.get().toMillis() + 999) / 1000;
            return Optional.of(Problem.of(
                            429,
                            "rate-limited",
                            "Too many requests",
                            "This API key made too many requests this minute; retry after " + seconds + " s.")
                    .toResponse()
                    .header(HttpHeaders.RETRY_AFTER, seconds)
                    .build());
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
