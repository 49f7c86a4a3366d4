package io.connectionportal.sandbox;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import io.connectionportal.platforms.Platform;

/**
 * Grants and authorization codes: what the consent page's Allow creates, and what the
 * {@code authorization_code} grant of the token endpoint redeems (with PKCE, RFC 7636).
 */
@ApplicationScoped
class SandboxAuthorizations {

    /** RFC 7636 §4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private final SandboxConfig config;
    private final SandboxClock clock;
    private final SandboxTokens tokens;

    SandboxAuthorizations(SandboxConfig config, SandboxClock clock, SandboxTokens tokens) {
        this.config = config;
        this.clock = clock;
        this.tokens = tokens;
    }

    /**
     * Records the consent for the account {@code accountId} and returns a fresh single-use code for it (only its
     * hash is kept).
     */
    @Transactional
    String approve(
            Platform platform,
            String clientId,
            String subject,
            long accountId,
            Set<String> scopes,
            String redirectUri,
            String codeChallenge) {
        Instant now = clock.now();
        SandboxGrant grant = new SandboxGrant();
        grant.platform = platform.key();
        grant.clientId = clientId;
        grant.subject = subject;
        grant.account = SandboxAccount.getEntityManager().getReference(SandboxAccount.class, accountId);
        grant.scopes = Scopes.join(scopes);
        grant.createdAt = now;
        grant.persist();

        String code = Secrets.random();
        SandboxCode row = new SandboxCode();
        row.codeHash = Secrets.hash(code);
        row.grant = grant;
        row.redirectUri = redirectUri;
        row.codeChallenge = codeChallenge;
        row.expiresAt = now.plus(config.codeLifetime());
        row.persist();
        Log.debugf("Sandbox grant %d approved for %s", grant.id, platform.key());
        return code;
    }

    /**
     * The authorization_code grant. A code seen before is refused and its grant revoked with every token
     * issued from it (RFC 6749 §4.1.2); a wrong verifier or redirect URI is refused without using the
     * code up, so an attacker holding only the code cannot spoil the real client's exchange.
     */
    @Transactional
    TokenOutcome redeem(Platform platform, String clientId, String code, String redirectUri, String verifier) {
        if (isBlank(code) || isBlank(redirectUri) || isBlank(verifier)) {
            return TokenOutcome.invalidRequest("code, redirect_uri and code_verifier are required");
        }
        if (!VERIFIER.matcher(verifier).matches()) {
            return TokenOutcome.invalidRequest("code_verifier must be 43 to 128 unreserved characters (RFC 7636)");
        }
        SandboxCode row = SandboxCode.<SandboxCode>find(
                        "from SandboxCode c join fetch c.grant where c.codeHash = ?1", Secrets.hash(code))
                .firstResult();
        if (row == null || !row.grant.platform.equals(platform.key())) {
            return TokenOutcome.invalidGrant("Unknown authorization code");
        }
        if (row.usedAt != null) {
            return reused(row);
        }
        if (!row.grant.active() || !clock.now().isBefore(row.expiresAt)) {
            return TokenOutcome.invalidGrant("The authorization code has expired");
        }
        if (!row.grant.clientId.equals(clientId)) {
            return TokenOutcome.invalidGrant("The authorization code was issued to another client");
        }
        if (!row.redirectUri.equals(redirectUri)) {
            return TokenOutcome.invalidGrant("redirect_uri does not match the authorization request");
        }
        if (!Secrets.same(row.codeChallenge, Secrets.s256(verifier))) {
            return TokenOutcome.invalidGrant("code_verifier does not match the code_challenge");
        }
        int marked = SandboxCode.update("usedAt = ?1 where id = ?2 and usedAt is null", clock.now(), row.id);
        if (marked == 0) {
            return reused(row);
        }
        Set<String> scopes = Scopes.split(row.grant.scopes);
        return tokens.issue(row.grant, scopes, scopes).response();
    }

    private TokenOutcome reused(SandboxCode row) {
        tokens.revokeGrant(row.grant.id);
        Log.debugf("Authorization code of sandbox grant %d used twice; grant revoked", row.grant.id);
        return TokenOutcome.invalidGrant("The authorization code was already used; its tokens are revoked");
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
