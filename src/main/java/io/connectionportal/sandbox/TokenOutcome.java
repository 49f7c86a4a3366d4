package io.connectionportal.sandbox;

/** What the token endpoint answers: a token response, or an error of RFC 6749 §5.2. */
sealed interface TokenOutcome {

    /** A successful token response; {@code refreshToken} is null when {@code offline_access} was not granted. */
    record Issued(String accessToken, long expiresIn, String refreshToken, String scope) implements TokenOutcome {}

    /** {@code error} is one of the RFC's codes; the description is for developers and never holds a secret. */
    record Refused(String error, String description) implements TokenOutcome {}

    static Refused invalidRequest(String description) {
        return new Refused("invalid_request", description);
    }

    static Refused invalidGrant(String description) {
        return new Refused("invalid_grant", description);
    }
}
