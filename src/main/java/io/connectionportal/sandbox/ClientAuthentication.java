package io.connectionportal.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

/**
 * Client authentication at the token and revocation endpoints (RFC 6749 §2.3.1): HTTP Basic
 * ({@code client_secret_basic}) or {@code client_id} and {@code client_secret} in the form
 * ({@code client_secret_post}), never both at once.
 */
final class ClientAuthentication {

    private ClientAuthentication() {}

    /** The id of the client that authenticated with this request, or empty. */
    static Optional<String> authenticate(HttpServerRequest request, MultiMap form, SandboxClient client) {
        String header = request.getHeader("Authorization");
        String formId = form.get("client_id");
        String formSecret = form.get("client_secret");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (formSecret != null) {
                return Optional.empty();
            }
            return basic(header.substring(6).strip())
                    .filter(credentials -> formId == null || formId.equals(credentials[0]))
                    .filter(credentials -> client.authenticates(credentials[0], credentials[1]))
                    .map(credentials -> credentials[0]);
        }
        if (header == null && formId != null && formSecret != null && client.authenticates(formId, formSecret)) {
            return Optional.of(formId);
        }
        return Optional.empty();
    }

    /** Id and secret are form-encoded before they are joined and Base64-encoded (RFC 6749 §2.3.1). */
    private static Optional<String[]> basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new String[] {
                URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
            });
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
