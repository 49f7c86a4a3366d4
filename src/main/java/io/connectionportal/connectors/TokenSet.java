package io.connectionportal.connectors;

import java.time.Instant;
import java.util.Optional;

/** Tokens granted by a provider. {@link #toString()} never shows them, so they cannot end up in a log. */
public record TokenSet(
        String accessToken,
        Optional<String> refreshToken,
        Optional<Instant> expiresAt,
        String scope,
        /** The OpenID Connect id token, when the provider sent one: kept encrypted with the other tokens. */
        Optional<String> idToken) {

    public TokenSet(String accessToken, Optional<String> refreshToken, Optional<Instant> expiresAt, String scope) {
        this(accessToken, refreshToken, expiresAt, scope, Optional.empty());
    }

    @Override
    public String toString() {
        return "TokenSet[access=***, refresh=" + (refreshToken.isPresent() ? "***" : "none") + ", expiresAt="
                + expiresAt.map(Instant::toString).orElse("unknown") + ", scope=" + scope + ", id="
                + (idToken.isPresent() ? "***" : "none") + "]";
    }
}
