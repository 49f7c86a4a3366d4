package io.connectionportal.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import io.connectionportal.connectors.EncryptedColumn;
import io.connectionportal.connectors.EncryptedColumns;
import io.connectionportal.connectors.TokenCipher;
import io.connectionportal.shared.FinishesBeforeStop;
import io.connectionportal.shared.Hashes;
import io.connectionportal.shared.PortalConfig;

/**
 * {@code Idempotency-Key} on every POST. The key is claimed first, in its own short transaction, by inserting a row
 * the unique constraint (API key, Idempotency-Key) lets only one request insert; the winner does the work and stores
 * its response; any other request with that key gets the stored response, a 409 while the first is still running, or
 * a 422 when its body differs. A 5xx is not stored, so a retry does the work again.
 */
@ApplicationScoped
class Idempotency implements EncryptedColumns {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    /** Stored answers are encrypted like tokens: a hosted link's URL in one is a credential until it is used. */
    static final EncryptedColumn RESPONSE_BODY =
            new EncryptedColumn("api_idempotency_key", "response_body", "'idempotency:' || cast(id as varchar(20))");

    private final PortalConfig config;
    private final TokenCipher cipher;

    Idempotency(PortalConfig config, TokenCipher cipher) {
        this.config = config;
        this.cipher = cipher;
    }

    @Override
    public List<EncryptedColumn> encryptedColumns() {
        return List.of(RESPONSE_BODY);
    }

    private static String binding(long id) {
        return "idempotency:" + id;
    }

    /** Runs {@code action} once per (API key, Idempotency-Key); without a key, simply runs it. */
    Response run(long apiKeyId, String idempotencyKey, String request, Supplier<ApiResponse> action) {
        if (idempotencyKey == null) {
            return action.get().toResponse(false);
        }
        if (!KEY.matcher(idempotencyKey).matches()) {
            throw new ProblemException(Problem.invalid(List.of(
                    new Problem.FieldError(HEADER, "must be 1 to 255 visible ASCII characters, such as a UUID"))));
        }
        String requestHash = Hashes.sha256Hex(request);
        Optional<Long> claimed = claim(apiKeyId, idempotencyKey, requestHash);
        if (claimed.isEmpty()) {
            return replay(apiKeyId, idempotencyKey, requestHash);
        }
        ApiResponse response;
        try {
            response = action.get();
        } catch (RuntimeException e) {
            release(claimed.get());
            throw e;
        }
        if (response.status() >= 500) {
            release(claimed.get());
        } else {
            QuarkusTransaction.requiringNew()
                    .run(() -> IdempotencyRecord.update(
                            "responseStatus = ?1, responseBody = ?2, responseLocation = ?3 where id = ?4",
                            response.status(),
                            cipher.encrypt(response.body(), binding(claimed.get())),
                            response.location(),
                            claimed.get()));
        }
        return response.toResponse(false);
    }

    private Optional<Long> claim(long apiKeyId, String idempotencyKey, String requestHash) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // A key past its lifetime is free again, even before the purge has removed it.
        QuarkusTransaction.requiringNew()
                .run(() -> IdempotencyRecord.delete(
                        "apiKeyId = ?1 and idempotencyKey = ?2 and createdAt < ?3",
                        apiKeyId,
                        idempotencyKey,
                        now.minus(config.retention().idempotencyKeys())));
        try {
            return Optional.of(QuarkusTransaction.requiringNew().call(() -> {
                IdempotencyRecord claim = new IdempotencyRecord();
                claim.apiKeyId = apiKeyId;
                claim.idempotencyKey = idempotencyKey;
                claim.requestHash = requestHash;
                claim.createdAt = now;
                claim.persistAndFlush();
                return claim.id;
            }));
        } catch (RuntimeException e) {
            // The unique constraint: another request holds the key (or did). What it stored decides the answer.
            Log.debugf("Idempotency-Key already claimed for API key %d", apiKeyId);
            return Optional.empty();
        }
    }

    private Response replay(long apiKeyId, String idempotencyKey, String requestHash) {
        Optional<IdempotencyRecord> stored = QuarkusTransaction.requiringNew()
                .call(() -> IdempotencyRecord.<IdempotencyRecord>find(
                                "apiKeyId = ?1 and idempotencyKey = ?2", apiKeyId, idempotencyKey)
                        .firstResultOptional());
        if (stored.isPresent() && !stored.get().requestHash.equals(requestHash)) {
            throw new ProblemException(
                    Problem.of(
                            422,
                            "idempotency-key-reused",
                            "Idempotency-Key reused",
                            "This Idempotency-Key was already used with a different request; use a new key for a new request."));
        }
        if (stored.isEmpty() || stored.get().responseStatus == null) {
            throw new ProblemException(Problem.of(
                    409,
                    "idempotency-key-in-use",
                    "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry in a moment."));
        }
        IdempotencyRecord record = stored.get();
        String body = cipher.decrypt(record.responseBody, binding(record.id));
        return new ApiResponse(record.responseStatus, body, record.responseLocation).toResponse(true);
    }

    private static void release(long claimId) {
        QuarkusTransaction.requiringNew().run(() -> IdempotencyRecord.deleteById(claimId));
    }

    /** Keys past their lifetime are removed with their responses (every instance may run it: deleting is idempotent). */
    @FinishesBeforeStop
    @Scheduled(
            identity = "api-idempotency-retention",
            every = "${portal.retention.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        long purged = purge(Instant.now());
        if (purged > 0) {
            Log.infof("Retention purge removed %d expired Idempotency-Keys", purged);
        }
    }

    long purge(Instant now) {
        Instant cutoff = now.minus(config.retention().idempotencyKeys());
        return QuarkusTransaction.requiringNew().call(() -> IdempotencyRecord.delete("createdAt < ?1", cutoff));
    }
}
