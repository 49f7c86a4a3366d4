package io.connectionportal.sandbox;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.connectionportal.platforms.Platform;

/**
 * The verdict on an authorization request (RFC 6749 §4.1.1, RFC 7636 §4.3), checked alike when the
 * consent page is shown and when it is submitted. The order matters: until the client and its
 * redirect URI are trusted, nothing may be sent to that URI (§4.1.2.1), so those problems get a page.
 */
sealed interface AuthorizationCheck {

    /** Why the request cannot even be answered by a redirect. */
    enum Untrusted {
        UNKNOWN_PLATFORM,
        UNKNOWN_CLIENT,
        BAD_REDIRECT_URI
    }

    /** Answered with an error page, never a redirect. */
    /** {@code platformName} is empty when the platform itself is unknown. */
    record Rejected(Untrusted reason, String platformName) implements AuthorizationCheck {}

    /** Answered with a redirect to the client carrying {@code error}. */
    record Refused(Platform platform, String error, String description) implements AuthorizationCheck {}

    record Valid(Platform platform, Set<String> scopes) implements AuthorizationCheck {}

    /** A S256 challenge is the Base64url (unpadded) SHA-256 of the verifier: always 43 characters. */
    Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    static AuthorizationCheck of(
            Optional<Platform> platform, AuthorizeForm form, Set<String> repeated, SandboxClient client) {
        if (platform.isEmpty()) {
            return new Rejected(Untrusted.UNKNOWN_PLATFORM, "");
        }
        Platform known = platform.get();
        if (repeated.contains("client_id") || !client.known(form.clientId)) {
            return new Rejected(Untrusted.UNKNOWN_CLIENT, known.name());
        }
        if (repeated.contains("redirect_uri") || !client.registered(form.redirectUri)) {
            return new Rejected(Untrusted.BAD_REDIRECT_URI, known.name());
        }
        if (!repeated.isEmpty()) {
            return new Refused(known, "invalid_request", "Repeated parameter: " + String.join(", ", repeated));
        }
        if (form.responseType == null || form.responseType.isBlank()) {
            return new Refused(known, "invalid_request", "response_type is required");
        }
        if (!"code".equals(form.responseType)) {
            return new Refused(known, "unsupported_response_type", "Only response_type=code is supported");
        }
        if (form.codeChallenge == null || !"S256".equals(form.codeChallengeMethod)) {
            return new Refused(
                    known, "invalid_request", "PKCE is required: code_challenge with code_challenge_method=S256");
        }
        if (!S256_CHALLENGE.matcher(form.codeChallenge).matches()) {
            return new Refused(known, "invalid_request", "code_challenge is not a S256 challenge");
        }
        return Scopes.parse(form.scope, known)
                .<AuthorizationCheck>map(scopes -> new Valid(known, scopes))
                .orElseGet(() -> new Refused(
                        known,
                        "invalid_scope",
                        "Request offline_access and <data type>.read scopes this platform offers"));
    }
}
