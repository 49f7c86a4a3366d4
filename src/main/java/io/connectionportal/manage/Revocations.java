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
 * transaction. A refused or unanswered call is retried with exponential backoff by
 * {@link RevocationRetrier} until the provider confirms; only then does a connection count as revoked.
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

    /** Where a connection's access stands at its provider. */
    public enum State {
        /** Nothing was revoked since it was last linked. */
        NONE,
        /** At least one token still awaits the provider's confirmation. */
        PENDING,
        /** The provider confirmed every revocation. */
        REVOKED,
        /** A token could not be sent to the provider (no configured key decrypts it): its access may remain there. */
        IMPOSSIBLE
    }

    @TemplateData
    public record Status(State state, Optional<Instant> revokedAt) {
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

    private record Due(long id, long companyId, Long connectionId, String platformKey, TokenKind kind, String token) {}

    private record Settled(
            long companyId, Long connectionId, String platformKey, int attempts, boolean revoked, String error) {}

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
        revocation.tokenKind = kind;
        revocation.createdAt = now;
        revocation.nextAttemptAt = now;
        return revocation;
    }

    /**
     * Calls the provider for each row, outside any transaction (the caller must not hold one). Records
     * REVOKED in the audit trail once a connection's last pending revocation is confirmed, and
     * REVOCATION_PENDING when a first attempt fails. True when every row is confirmed.
     */
    boolean attempt(List<Long> ids, Instant now) {
        Map<String, List<Settled>> byConnection = new LinkedHashMap<>();
        boolean all = true;
        for (long id : ids) {
            Due due = QuarkusTransaction.requiringNew().call(() -> due(id));
            if (due == null) {
                continue;
            }
            Optional<String> error = revoke(due);
            Settled settled = QuarkusTransaction.requiringNew().call(() -> settle(id, error, now));
            all &= settled.revoked();
            byConnection
                    .computeIfAbsent(
                            settled.connectionId() == null ? "row:" + id : "connection:" + settled.connectionId(),
                            k -> new ArrayList<>())
                    .add(settled);
        }
        byConnection.values().forEach(this::audit);
        return all;
    }

    /** Rows whose retry is due, claimed (their next attempt moved a lease ahead) so that one instance runs each. */
    List<Long> claimDue(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Revocation> due = Revocation.<Revocation>find(
                            "revokedAt is null and abandonedAt is null and nextAttemptAt <= ?1 order by nextAttemptAt, id",
                            now)
                    .page(0, BATCH)
                    .list();
            List<Long> claimed = new ArrayList<>();
            for (Revocation revocation : due) {
                if (Revocation.update(
                                "nextAttemptAt = ?1 where id = ?2 and revokedAt is null and abandonedAt is null"
                                        + " and nextAttemptAt <= ?3",
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
     * since it was last linked could not be sent; revoked once all were confirmed since it was last linked.
     */
    public Status status(Connection connection) {
        List<Revocation> rows = QuarkusTransaction.joiningExisting()
                .call(() -> Revocation.<Revocation>list(
                        "companyId = ?1 and connectionId = ?2", connection.companyId, connection.id));
        if (rows.stream().anyMatch(r -> r.revokedAt == null && r.abandonedAt == null)) {
            return new Status(State.PENDING, Optional.empty());
        }
        List<Revocation> sinceLinked = rows.stream()
                .filter(r -> connection.linkedAt == null || !r.createdAt.isBefore(connection.linkedAt))
                .toList();
        if (sinceLinked.stream().anyMatch(r -> r.abandonedAt != null)) {
            return new Status(State.IMPOSSIBLE, Optional.empty());
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
        if (revocation == null
                || revocation.revokedAt != null
                || revocation.abandonedAt != null
                || revocation.tokenEncrypted == null) {
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
                revocation.tokenKind,
                token);
    }

    /** Empty when the provider confirmed; otherwise why not (never containing a token). */
    private Optional<String> revoke(Due due) {
        if (due.token() == null) {
            return Optional.of("No token key configured on this instance decrypts the stored token");
        }
        var platform = catalog.find(due.platformKey());
        if (platform.isEmpty()) {
            return Optional.of("The platform is no longer in the catalog");
        }
        try {
            connectors.forPlatform(platform.get()).revoke(due.token(), due.kind());
            return Optional.empty();
        } catch (ConnectorException e) {
            if (e.reason() == ConnectorException.Reason.INVALID_GRANT) {
                // The provider says the grant is no longer valid: it cannot be used any more, which is what revoking
                // means.
                return Optional.empty();
            }
            Log.infof(
                    "Revoking the %s of %s (revocation %d) failed: %s",
                    due.kind().hint(), due.platformKey(), due.id(), LogText.clean(e.getMessage()));
            metrics.revocationFailed(due.platformKey());
            return Optional.of(e.getMessage());
        } catch (RuntimeException e) {
            Log.warnf(
                    "Revoking the %s of %s (revocation %d) failed: %s",
                    due.kind().hint(), due.platformKey(), due.id(), e.getClass().getSimpleName());
            return Optional.of("Unexpected error: " + e.getClass().getSimpleName());
        }
    }

    private Settled settle(long id, Optional<String> error, Instant now) {
        Revocation revocation = Revocation.findById(id);
        revocation.attempts++;
        if (error.isEmpty()) {
            revocation.revokedAt = now;
            revocation.tokenEncrypted = null;
            revocation.lastError = null;
        } else {
            revocation.lastError = error.get().length() > 300 ? error.get().substring(0, 300) : error.get();
            revocation.nextAttemptAt = now.plus(backoff(revocation.attempts));
        }
        return new Settled(
                revocation.companyId,
                revocation.connectionId,
                revocation.platformKey,
                revocation.attempts,
                revocation.revokedAt != null,
                revocation.lastError);
    }

    private void audit(List<Settled> settled) {
        Settled first = settled.get(0);
        QuarkusTransaction.requiringNew().run(() -> {
            boolean open = first.connectionId() == null
                    ? settled.stream().anyMatch(s -> !s.revoked())
                    : Revocation.count(
                                    "companyId = ?1 and connectionId = ?2 and revokedAt is null and abandonedAt is null",
                                    first.companyId(),
                                    first.connectionId())
                            > 0;
            if (!open && settled.stream().anyMatch(Settled::revoked)) {
                audit.record(
                        first.companyId(),
                        first.connectionId(),
                        first.platformKey(),
                        AuditType.REVOKED,
                        AuditEvent.SYSTEM,
                        null);
            } else if (settled.stream().anyMatch(s -> !s.revoked() && s.attempts() == 1)) {
                String error = settled.stream()
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
