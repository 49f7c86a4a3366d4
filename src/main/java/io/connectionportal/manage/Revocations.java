package io.connectionportal.manage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.TemplateData;

import io.connectionportal.audit.AuditEvent;
import io.connectionportal.audit.AuditTrail;
import io.connectionportal.audit.AuditType;
import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionTokens;
import io.connectionportal.connectors.Connector.TokenKind;
import io.connectionportal.connectors.ConnectorException;
import io.connectionportal.connectors.Connectors;
import io.connectionportal.connectors.EncryptedColumn;
import io.connectionportal.connectors.EncryptedColumns;
import io.connectionportal.connectors.TokenCipher;
import io.connectionportal.connectors.TokenCipher.UndecryptableTokenException;
import io.connectionportal.monitor.PortalMetrics;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.LogText;

/**
 * Revokes a connection's tokens at its provider (RFC 7009) through an outbox: {@link #stage} moves the
 * tokens off the connection into {@link Revocation} rows (encrypted, bound to the row) in the caller's
 * transaction, so they are never used again; {@link #attempt} then calls the provider outside any
 * transaction. An unanswered call, a 5xx or a 429 is retried with exponential backoff (never before the provider's
 * Retry-After) by {@link RevocationRetrier} until the provider confirms; only then does a connection count as revoked.
 * Any other 4xx, or a provider without a revocation endpoint, is final: recorded, shown, never retried.
 */
@ApplicationScoped
public class Revocations implements EncryptedColumns {

    static final EncryptedColumn TOKEN = new EncryptedColumn(
            "revocation", "token_enc", "'revocation:' || cast(id as varchar(20)) || ':' || lower(token_kind)");

    private final PortalMetrics metrics;

    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration MAX_RETRY = Duration.ofHours(1);
    /** How long a claimed or freshly staged row is left alone, so an attempt in progress is not run twice. */
    static final Duration LEASE = Duration.ofMinutes(5);

    static final int BATCH = 50;
    /** The longest Retry-After honoured; a provider asking for more is asked again after a day. */
    static final Duration LONGEST_WAIT = Duration.ofDays(1);

    /** {@link Revocation#refusal}: the provider answered a 4xx, final. */
    static final String REFUSED = "REFUSED";
    /** {@link Revocation#refusal}: the provider has no revocation endpoint. */
    static final String NO_ENDPOINT = "NO_ENDPOINT";

    /** Where a connection's access stands at its provider. */
    public enum State {
        /** Nothing was revoked since it was last linked. */
        NONE,
        /** At least one token still awaits the provider's confirmation. */
        PENDING,
        /** The provider confirmed every revocation. */
        REVOKED,
        /** A token could not be sent to the provider (no configured key decrypts it): its access may remain there. */
        IMPOSSIBLE,
        /** The provider refused a revocation for good, or cannot revoke at all: what remains is shown, never retried. */
        REFUSED
    }

    /**
     * Where the access stands. After a refusal: {@code revokeAtPlatform} when the grant itself may live on (its refresh
     * token refused, or no revocation endpoint), so the business should remove it at the platform; otherwise only an
     * access token lives on, until {@code accessEndsAt} when known. {@code noEndpoint}: the platform cannot revoke.
     */
    @TemplateData
    public record Status(
            State state,
            Optional<Instant> revokedAt,
            Optional<Instant> accessEndsAt,
            boolean revokeAtPlatform,
            boolean noEndpoint) {

        Status(State state, Optional<Instant> revokedAt) {
            this(state, revokedAt, Optional.empty(), false, false);
        }

        public boolean refused() {
            return state == State.REFUSED;
        }

        public boolean pending() {
            return state == State.PENDING;
        }

        public boolean revoked() {
            return state == State.REVOKED;
        }

        public boolean impossible() {
            return state == State.IMPOSSIBLE;
        }
    }

    /** What {@link #stage} queued: the rows to {@link #attempt}, and whether a token could not be queued at all. */
    record Staged(List<Long> ids, boolean impossible) {}

    /** What {@link #attempt} left: rows still awaiting the provider, and whether the provider refused any for good. */
    record Attempted(boolean pending, boolean refused) {}

    /** The provider's answer to one revocation. */
    private enum Verdict {
        CONFIRMED,
        RETRY,
        REFUSED,
        NO_ENDPOINT
    }

    private record Answer(Verdict verdict, String error, Optional<Duration> retryAfter) {
        static Answer of(Verdict verdict, String error) {
            return new Answer(verdict, error, Optional.empty());
        }
    }

    private record Due(
            long id,
            long companyId,
            Long connectionId,
            String platformKey,
            Boolean sandbox,
            TokenKind kind,
            String token) {}

    private record Settled(
            long companyId,
            Long connectionId,
            String platformKey,
            TokenKind kind,
            int attempts,
            boolean revoked,
            boolean refused,
            String error) {}

    private final ConnectionTokens tokens;
    private final TokenCipher cipher;
    private final Connectors connectors;
    private final PlatformCatalog catalog;
    private final AuditTrail audit;

    Revocations(
            ConnectionTokens tokens,
            TokenCipher cipher,
            Connectors connectors,
            PlatformCatalog catalog,
            AuditTrail audit,
            PortalMetrics metrics) {
        this.metrics = metrics;
        this.tokens = tokens;
        this.cipher = cipher;
        this.connectors = connectors;
        this.catalog = catalog;
        this.audit = audit;
    }

    /**
     * In the caller's transaction: queues the connection's refresh token, then its access token, for
     * revocation and forgets them on the connection. A token no configured key decrypts cannot be sent to the
     * provider: it is recorded as an abandoned revocation, with REVOCATION_IMPOSSIBLE in the audit trail.
     */
    Staged stage(Connection connection, Instant now) {
        List<Long> ids = new ArrayList<>();
        List<String> impossible = new ArrayList<>();
        stage(connection, TokenKind.REFRESH_TOKEN, () -> tokens.refreshToken(connection), now, ids, impossible);
        stage(connection, TokenKind.ACCESS_TOKEN, () -> tokens.accessToken(connection), now, ids, impossible);
        tokens.forget(connection);
        if (!impossible.isEmpty()) {
            audit.record(
                    connection.companyId,
                    connection.id,
                    connection.platformKey,
                    AuditType.REVOCATION_IMPOSSIBLE,
                    AuditEvent.SYSTEM,
                    impossible.get(0));
        }
        return new Staged(ids, !impossible.isEmpty());
    }

    private void stage(
            Connection connection,
            TokenKind kind,
            Supplier<Optional<String>> token,
            Instant now,
            List<Long> ids,
            List<String> impossible) {
        try {
            token.get().ifPresent(t -> ids.add(queue(connection, kind, t, now)));
        } catch (UndecryptableTokenException e) {
            Log.warnf(
                    "The %s of connection %d cannot be revoked: %s",
                    kind.hint(), connection.id, LogText.clean(e.getMessage()));
            Revocation revocation = row(connection, kind, now);
            revocation.abandonedAt = now;
            revocation.lastError = reason(e);
            revocation.persist();
            impossible.add(revocation.lastError);
        }
    }

    private static String reason(UndecryptableTokenException e) {
        String reason = "Not sent to the provider: " + e.getMessage();
        return reason.length() > 300 ? reason.substring(0, 300) : reason;
    }

    private long queue(Connection connection, TokenKind kind, String token, Instant now) {
        Revocation revocation = row(connection, kind, now);
        if (kind == TokenKind.ACCESS_TOKEN) {
            revocation.tokenExpiresAt = connection.accessTokenExpiresAt;
        }
        // The caller attempts it at once; the retrier leaves it alone unless that attempt never finishes.
        revocation.nextAttemptAt = now.plus(LEASE);
        revocation.persistAndFlush();
        revocation.tokenEncrypted = cipher.encrypt(token, revocation.binding());
        return revocation.id;
    }

    private static Revocation row(Connection connection, TokenKind kind, Instant now) {
        Revocation revocation = new Revocation();
        revocation.companyId = connection.companyId;
        revocation.connectionId = connection.id;
        revocation.platformKey = connection.platformKey;
        revocation.sandbox = connection.sandbox;
        revocation.tokenKind = kind;
        revocation.createdAt = now;
        revocation.nextAttemptAt = now;
        return revocation;
    }

    /**
     * Calls the provider for each row, outside any transaction (the caller must not hold one). Records
     * REVOKED in the audit trail once a connection's last pending revocation is confirmed, and
     * REVOCATION_PENDING when a first attempt fails, REVOCATION_REFUSED when the provider refuses for good.
     */
    Attempted attempt(List<Long> ids, Instant now) {
        Map<String, List<Settled>> byConnection = new LinkedHashMap<>();
        boolean pending = false;
        boolean refused = false;
        for (long id : ids) {
            Due due = QuarkusTransaction.requiringNew().call(() -> due(id));
            if (due == null) {
                continue;
            }
            Answer answer = revoke(due);
            Settled settled = QuarkusTransaction.requiringNew().call(() -> settle(id, answer, now));
            pending |= !settled.revoked() && !settled.refused();
            refused |= settled.refused();
            byConnection
                    .computeIfAbsent(
                            settled.connectionId() == null ? "row:" + id : "connection:" + settled.connectionId(),
                            k -> new ArrayList<>())
                    .add(settled);
        }
        byConnection.values().forEach(this::audit);
        return new Attempted(pending, refused);
    }

    /** Rows whose retry is due, claimed (their next attempt moved a lease ahead) so that one instance runs each. */
    List<Long> claimDue(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Revocation> due = Revocation.<Revocation>find(
                            "revokedAt is null and abandonedAt is null and refusedAt is null and nextAttemptAt <= ?1"
                                    + " order by nextAttemptAt, id",
                            now)
                    .page(0, BATCH)
                    .list();
            List<Long> claimed = new ArrayList<>();
            for (Revocation revocation : due) {
                if (Revocation.update(
                                "nextAttemptAt = ?1 where id = ?2 and revokedAt is null and abandonedAt is null"
                                        + " and refusedAt is null and nextAttemptAt <= ?3",
                                now.plus(LEASE),
                                revocation.id,
                                now)
                        == 1) {
                    claimed.add(revocation.id);
                }
            }
            return claimed;
        });
    }

    /**
     * Where the connection's access stands: pending while any token awaits confirmation; impossible when a token
     * since it was last linked could not be sent; refused when the provider refused one for good or cannot revoke;
     * revoked once all were confirmed since it was last linked.
     */
    public Status status(Connection connection) {
        List<Revocation> rows = QuarkusTransaction.joiningExisting()
                .call(() -> Revocation.<Revocation>list(
                        "companyId = ?1 and connectionId = ?2", connection.companyId, connection.id));
        if (rows.stream().anyMatch(Revocation::open)) {
            return new Status(State.PENDING, Optional.empty());
        }
        List<Revocation> sinceLinked = rows.stream()
                .filter(r -> connection.linkedAt == null || !r.createdAt.isBefore(connection.linkedAt))
                .toList();
        if (sinceLinked.stream().anyMatch(r -> r.abandonedAt != null)) {
            return new Status(State.IMPOSSIBLE, Optional.empty());
        }
        List<Revocation> refused =
                sinceLinked.stream().filter(r -> r.refusedAt != null).toList();
        if (!refused.isEmpty()) {
            boolean noEndpoint = refused.stream().anyMatch(r -> NO_ENDPOINT.equals(r.refusal));
            boolean grantLives = noEndpoint || refused.stream().anyMatch(r -> r.tokenKind == TokenKind.REFRESH_TOKEN);
            Optional<Instant> accessEndsAt = refused.stream()
                    .filter(r -> r.tokenKind == TokenKind.ACCESS_TOKEN)
                    .map(r -> r.tokenExpiresAt)
                    .filter(Objects::nonNull)
                    .max(Comparator.naturalOrder());
            return new Status(State.REFUSED, Optional.empty(), accessEndsAt, grantLives, noEndpoint);
        }
        Optional<Instant> revokedAt = sinceLinked.stream().map(r -> r.revokedAt).max(Comparator.naturalOrder());
        return new Status(revokedAt.isPresent() ? State.REVOKED : State.NONE, revokedAt);
    }

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(TOKEN);
    }

    /** 30 s after the first failure, then doubling (1 min, 2 min, …), never more than an hour apart. */
    static Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts, 1) - 1, 20);
        Duration delay = FIRST_RETRY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay;
    }

    private Due due(long id) {
        Revocation revocation = Revocation.findById(id);
        if (revocation == null || !revocation.open() || revocation.tokenEncrypted == null) {
            return null;
        }
        String token;
        try {
            token = cipher.decrypt(revocation.tokenEncrypted, revocation.binding());
        } catch (UndecryptableTokenException e) {
            if (!e.needsReconnection()) {
                // A key this instance does not know (another may): the row stays due, and is tried again.
                return new Due(
                        revocation.id,
                        revocation.companyId,
                        revocation.connectionId,
                        revocation.platformKey,
                        revocation.sandbox,
                        revocation.tokenKind,
                        null);
            }
            // It will never decrypt: recorded once as impossible, never retried.
            revocation.abandonedAt = Instant.now();
            revocation.lastError = reason(e);
            revocation.tokenEncrypted = null;
            audit.record(
                    revocation.companyId,
                    revocation.connectionId,
                    revocation.platformKey,
                    AuditType.REVOCATION_IMPOSSIBLE,
                    AuditEvent.SYSTEM,
                    revocation.lastError);
            return null;
        }
        return new Due(
                revocation.id,
                revocation.companyId,
                revocation.connectionId,
                revocation.platformKey,
                revocation.sandbox,
                revocation.tokenKind,
                token);
    }

    /**
     * The provider's answer: 2xx confirms; a 5xx, 429, timeout or unreachable provider is asked again (after its
     * Retry-After, if longer than the backoff); any other 4xx is final; no revocation endpoint is final at once. The
     * error never contains a token.
     */
    private Answer revoke(Due due) {
        if (due.token() == null) {
            return Answer.of(Verdict.RETRY, "No token key configured on this instance decrypts the stored token");
        }
        var platform = catalog.find(due.platformKey());
        if (platform.isEmpty()) {
            return Answer.of(Verdict.RETRY, "The platform is no longer in the catalog");
        }
        try {
            // Rows from before the column was added know no mode: they go where the platform connects now.
            (due.sandbox() == null
                            ? connectors.forPlatform(platform.get())
                            : connectors.forConnection(platform.get(), due.sandbox()))
                    .revoke(due.token(), due.kind());
            return Answer.of(Verdict.CONFIRMED, null);
        } catch (ConnectorException e) {
            if (e.reason() == ConnectorException.Reason.INVALID_GRANT) {
                // The provider says the grant is no longer valid: it cannot be used any more, which is what revoking
                // means.
                return Answer.of(Verdict.CONFIRMED, null);
            }
            if (e.reason() == ConnectorException.Reason.UNSUPPORTED) {
                return Answer.of(Verdict.NO_ENDPOINT, e.getMessage());
            }
            Log.infof(
                    "Revoking the %s of %s (revocation %d) failed: %s",
                    due.kind().hint(), due.platformKey(), due.id(), LogText.clean(e.getMessage()));
            metrics.revocationFailed(due.platformKey());
            return e.temporary() || e.status() == 0
                    ? new Answer(Verdict.RETRY, e.getMessage(), e.retryAfter())
                    : Answer.of(Verdict.REFUSED, e.getMessage());
        } catch (RuntimeException e) {
            Log.warnf(
                    "Revoking the %s of %s (revocation %d) failed: %s",
                    due.kind().hint(), due.platformKey(), due.id(), e.getClass().getSimpleName());
            return Answer.of(Verdict.RETRY, "Unexpected error: " + e.getClass().getSimpleName());
        }
    }

    private Settled settle(long id, Answer answer, Instant now) {
        Revocation revocation = Revocation.findById(id);
        revocation.attempts++;
        switch (answer.verdict()) {
            case CONFIRMED -> {
                revocation.revokedAt = now;
                revocation.tokenEncrypted = null;
                revocation.lastError = null;
            }
            case REFUSED, NO_ENDPOINT -> {
                // Final: the token is of no more use to anyone, and asking again would get the same answer.
                revocation.refusedAt = now;
                revocation.refusal = answer.verdict() == Verdict.NO_ENDPOINT ? NO_ENDPOINT : REFUSED;
                revocation.tokenEncrypted = null;
                revocation.lastError = truncate(answer.error());
            }
            case RETRY -> {
                revocation.lastError = truncate(answer.error());
                Duration wait = backoff(revocation.attempts);
                Duration asked = answer.retryAfter()
                        .map(d -> d.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : d)
                        .orElse(Duration.ZERO);
                revocation.nextAttemptAt = now.plus(asked.compareTo(wait) > 0 ? asked : wait);
            }
        }
        return new Settled(
                revocation.companyId,
                revocation.connectionId,
                revocation.platformKey,
                revocation.tokenKind,
                revocation.attempts,
                revocation.revokedAt != null,
                revocation.refusedAt != null,
                revocation.lastError);
    }

    private static String truncate(String error) {
        return error.length() > 300 ? error.substring(0, 300) : error;
    }

    private void audit(List<Settled> settled) {
        Settled first = settled.get(0);
        QuarkusTransaction.requiringNew().run(() -> {
            boolean open = first.connectionId() == null
                    ? settled.stream().anyMatch(s -> !s.revoked() && !s.refused())
                    : Revocation.count(
                                    "companyId = ?1 and connectionId = ?2 and revokedAt is null and abandonedAt is null"
                                            + " and refusedAt is null",
                                    first.companyId(),
                                    first.connectionId())
                            > 0;
            for (Settled refused : settled.stream().filter(Settled::refused).toList()) {
                audit.record(
                        first.companyId(),
                        first.connectionId(),
                        first.platformKey(),
                        AuditType.REVOCATION_REFUSED,
                        AuditEvent.SYSTEM,
                        refused.kind().hint() + ": " + refused.error());
            }
            boolean anyRefused = settled.stream().anyMatch(Settled::refused);
            if (!open && !anyRefused && settled.stream().anyMatch(Settled::revoked)) {
                audit.record(
                        first.companyId(),
                        first.connectionId(),
                        first.platformKey(),
                        AuditType.REVOKED,
                        AuditEvent.SYSTEM,
                        null);
            } else if (settled.stream().anyMatch(s -> !s.revoked() && !s.refused() && s.attempts() == 1)) {
                String error = settled.stream()
                        .filter(s -> !s.revoked() && !s.refused())
                        .map(Settled::error)
                        .filter(Objects::nonNull)
                        .findFirst()
                        .orElse(null);
                audit.record(
                        first.companyId(),
                        first.connectionId(),
                        first.platformKey(),
                        AuditType.REVOCATION_PENDING,
                        AuditEvent.SYSTEM,
                        error);
            }
        });
    }
}
