package io.connectionportal.sandbox;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import io.connectionportal.platforms.Platform;
import io.connectionportal.sandbox.SandboxToken.Kind;
import io.connectionportal.sandbox.TokenOutcome.Issued;

/**
 * Issues, rotates, revokes and checks access and refresh tokens. State changes that race (two uses
 * of one refresh token) are conditional bulk updates, so exactly one caller wins; managed entities
 * are not modified after such an update, so a flush cannot write stale values back.
 */
@ApplicationScoped
class SandboxTokens {

    /** What the data API needs to know about a valid access token; no account for a grant older than accounts. */
    record Access(long grantId, Set<String> scopes, Instant grantedAt, Optional<SandboxAccount.Facts> account) {}

    /** An issued pair and the row of its refresh token, which a rotated token points at. */
    record Pair(Issued response, Long refreshTokenId) {}

    private final SandboxConfig config;
    private final SandboxClock clock;
    private final SandboxFaults faults;

    SandboxTokens(SandboxConfig config, SandboxClock clock, SandboxFaults faults) {
        this.config = config;
        this.clock = clock;
        this.faults = faults;
    }

    /**
     * A new access token for {@code scopes}, and a refresh token carrying {@code grantedScopes} when they
     * include {@code offline_access}. Joins the caller's transaction.
     */
    @Transactional
    Pair issue(SandboxGrant grant, Set<String> scopes, Set<String> grantedScopes) {
        Instant now = clock.now();
        String access = Secrets.random();
        store(grant, Kind.ACCESS, access, Scopes.join(scopes), now, now.plus(config.accessTokenLifetime()));
        String refresh = null;
        Long refreshId = null;
        if (Scopes.offline(grantedScopes)) {
            refresh = Secrets.random();
            refreshId = store(
                            grant,
                            Kind.REFRESH,
                            refresh,
                            Scopes.join(grantedScopes),
                            now,
                            now.plus(config.refreshTokenLifetime()))
                    .id;
        }
        return new Pair(
                new Issued(access, config.accessTokenLifetime().toSeconds(), refresh, Scopes.join(scopes)), refreshId);
    }

    /** The refresh_token grant with rotation and reuse detection (OAuth 2.0 Security BCP §4.14). */
    @Transactional
    TokenOutcome refresh(Platform platform, String clientId, String refreshToken, String scope) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return TokenOutcome.invalidRequest("refresh_token is required");
        }
        String hash = Secrets.hash(refreshToken);
        if (faults.rejectsRefreshTokenHash(hash)) {
            return TokenOutcome.invalidGrant("The refresh token is no longer valid");
        }
        SandboxToken token = find(hash, Kind.REFRESH, platform).orElse(null);
        if (token == null || !token.grant.clientId.equals(clientId)) {
            return TokenOutcome.invalidGrant("Unknown refresh token");
        }
        Instant now = clock.now();
        if (token.rotatedAt != null) {
            revokeGrant(token.grant.id);
            Log.debugf("Refresh token of sandbox grant %d used twice; grant revoked", token.grant.id);
            return TokenOutcome.invalidGrant("The refresh token was already used; the grant is revoked");
        }
        if (!token.usableAt(now)) {
            return TokenOutcome.invalidGrant("The refresh token has expired or was revoked");
        }
        Set<String> granted = Scopes.split(token.scopes);
        Set<String> requested = scope == null || scope.isBlank() ? granted : Scopes.split(scope);
        if (!granted.containsAll(requested)) {
            return new TokenOutcome.Refused("invalid_scope", "The requested scope exceeds the scope granted");
        }
        int rotated = SandboxToken.update(
                "rotatedAt = ?1 where id = ?2 and rotatedAt is null and revokedAt is null", now, token.id);
        if (rotated == 0) {
            revokeGrant(token.grant.id);
            return TokenOutcome.invalidGrant("The refresh token was already used; the grant is revoked");
        }
        Set<String> accessScopes = new LinkedHashSet<>(granted);
        accessScopes.retainAll(requested);
        Pair pair = issue(token.grant, accessScopes, granted);
        SandboxToken.update("replacedBy = ?1 where id = ?2", pair.refreshTokenId(), token.id);
        return pair.response();
    }

    /**
     * RFC 7009: a refresh token takes its whole grant with it; an access token only itself. Unknown
     * tokens, and tokens of another platform's sandbox or client, are ignored (the caller still answers 200).
     */
    @Transactional
    void revoke(Platform platform, String clientId, String token) {
        find(Secrets.hash(token), null, platform)
                .filter(found -> found.grant.clientId.equals(clientId))
                .ifPresent(found -> {
                    if (found.kind == Kind.REFRESH) {
                        revokeGrant(found.grant.id);
                    } else {
                        SandboxToken.update(
                                "revokedAt = ?1 where id = ?2 and revokedAt is null", clock.now(), found.id);
                    }
                });
    }

    /** Ends a grant and every token issued under it. */
    @Transactional
    void revokeGrant(long grantId) {
        Instant now = clock.now();
        SandboxGrant.update("revokedAt = ?1 where id = ?2 and revokedAt is null", now, grantId);
        SandboxToken.update("revokedAt = ?1 where grant.id = ?2 and revokedAt is null", now, grantId);
    }

    /** The grant behind a usable access token of this platform's sandbox. */
    @Transactional
    Optional<Access> access(Platform platform, String accessToken) {
        Instant now = clock.now();
        return find(Secrets.hash(accessToken), Kind.ACCESS, platform)
                .filter(token -> token.usableAt(now))
                .map(token -> new Access(
                        token.grant.id,
                        Scopes.split(token.scopes),
                        token.grant.createdAt,
                        Optional.ofNullable(token.grant.account).map(SandboxAccount::facts)));
    }

    private Optional<SandboxToken> find(String hash, Kind kind, Platform platform) {
        return SandboxToken.<SandboxToken>find(
                        "from SandboxToken t join fetch t.grant g left join fetch g.account where t.tokenHash = ?1",
                        hash)
                .firstResultOptional()
                .filter(token -> kind == null || token.kind == kind)
                .filter(token -> token.grant.platform.equals(platform.key()));
    }

    private static SandboxToken store(
            SandboxGrant grant, Kind kind, String value, String scopes, Instant now, Instant expiresAt) {
        SandboxToken token = new SandboxToken();
        token.tokenHash = Secrets.hash(value);
        token.grant = grant;
        token.kind = kind;
        token.scopes = scopes;
        token.createdAt = now;
        token.expiresAt = expiresAt;
        token.persist();
        return token;
    }
}
