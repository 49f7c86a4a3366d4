package io.connectionportal.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import io.connectionportal.shared.FinishesBeforeStop;
import io.connectionportal.shared.LogText;
import io.connectionportal.shared.PortalConfig;

/**
 * Sends what the {@link WebhookOutbox} holds, every {@code portal.webhooks.send-every}. The claim is the mail outbox's
 * ({@code mail.MailDelivery}): a due row is taken by moving {@code next_attempt_at} forward with a conditional update,
 * so of several instances one sends each attempt. The endpoint is called outside any transaction; every attempt is
 * logged; a failure waits for the next of {@code portal.webhooks.retry-delays}, after the last the delivery is failed.
 * An endpoint with no success for {@code portal.webhooks.disable-after} is disabled. A crash between the send and its
 * record sends again after the lease: at least once, with the same {@code webhook-id}.
 */
@ApplicationScoped
public class WebhookDispatcher {

    /** How long a claimed row is left to its sender before another may take it (at least twice the timeouts). */
    static final Duration LEASE = Duration.ofMinutes(5);
    /** The most deliveries one run sends; the next run goes on. */
    static final int BATCH = 50;
    /** Due rows read per claim, so a row another instance just took does not end the run. */
    static final int CANDIDATES = 5;

    private final WebhookSender sender;
    private final PortalConfig config;

    WebhookDispatcher(WebhookSender sender, PortalConfig config) {
        this.sender = sender;
        this.config = config;
    }

    // The interval's default is PortalConfig.Webhooks#sendEvery's, which the configuration knows without repeating it.
    @FinishesBeforeStop
    @Scheduled(
            identity = "webhook-delivery",
            every = "${portal.webhooks.send-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runOnce();
    }

    /** Sends the deliveries due now; returns how many were delivered. */
    public int runOnce() {
        return runOnce(Instant.now());
    }

    /** Sends the deliveries due at {@code now}; returns how many were delivered. */
    public int runOnce(Instant now) {
        int delivered = 0;
        for (int i = 0; i < BATCH; i++) {
            Optional<Long> claimed = claimNext(now);
            if (claimed.isEmpty()) {
                break;
            }
            if (deliver(claimed.get(), now)) {
                delivered++;
            }
        }
        return delivered;
    }

    /**
     * Sends a failed delivery again, with its webhook-id, from the next run on, through a full retry schedule
     * (the back office's "replay"). False when there is no such failed delivery.
     */
    public boolean replay(long deliveryId) {
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew()
                        .call(() -> WebhookDelivery.update(
                                "failedAt = null, attempts = 0, nextAttemptAt = ?1 where id = ?2 and failedAt is not null",
                                now,
                                deliveryId))
                == 1;
    }

    @FinishesBeforeStop
    @Scheduled(
            identity = "webhook-purge",
            every = "${portal.retention.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        long purged = purge(Instant.now());
        if (purged > 0) {
            Log.infof("Retention purge removed %d webhook attempts and deliveries", purged);
        }
    }

    /**
     * Removes attempts logged, and deliveries delivered or failed, longer ago than
     * {@code portal.retention.webhook-deliveries}; returns how many rows went.
     */
    public long purge(Instant now) {
        Instant cutoff = now.minus(config.retention().webhookDeliveries());
        return QuarkusTransaction.requiringNew()
                .call(() -> WebhookAttempt.delete("attemptedAt < ?1", cutoff)
                        + WebhookDelivery.delete("deliveredAt < ?1 or failedAt < ?1", cutoff));
    }

    /** The wait after the {@code attempts}-th failure, or empty when that was the last attempt. */
    Optional<Duration> retryDelay(int attempts) {
        List<Duration> delays = config.webhooks().retryDelays();
        return attempts >= 1 && attempts <= delays.size() ? Optional.of(delays.get(attempts - 1)) : Optional.empty();
    }

    private Optional<Long> claimNext(Instant now) {
        Instant leaseEnds = now.plus(lease());
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Long> due = WebhookDelivery.getEntityManager()
                    .createQuery(
                            "select d.id from WebhookDelivery d, WebhookEndpoint e where e.id = d.endpointId"
                                    + " and e.disabledAt is null and d.deliveredAt is null and d.failedAt is null"
                                    + " and d.nextAttemptAt <= ?1 order by d.nextAttemptAt, d.id",
                            Long.class)
                    .setParameter(1, now)
                    .setMaxResults(CANDIDATES)
                    .getResultList();
            for (Long id : due) {
                // Only one sender's update matches: the others find nextAttemptAt already moved past now.
                if (WebhookDelivery.update(
                                "nextAttemptAt = ?1, attempts = attempts + 1 where id = ?2 and deliveredAt is null"
                                        + " and failedAt is null and nextAttemptAt <= ?3",
                                leaseEnds,
                                id,
                                now)
                        == 1) {
                    return Optional.of(id);
                }
            }
            return Optional.<Long>empty();
        });
    }

    private Duration lease() {
        Duration twiceTheTimeouts = config.webhooks()
                .connectTimeout()
                .plus(config.webhooks().requestTimeout())
                .multipliedBy(2);
        return twiceTheTimeouts.compareTo(LEASE) > 0 ? twiceTheTimeouts : LEASE;
    }

    private record Message(String url, String secret, String messageId, String payload) {}

    private boolean deliver(long id, Instant now) {
        Optional<Message> message = QuarkusTransaction.requiringNew()
                .call(() -> WebhookDelivery.<WebhookDelivery>findByIdOptional(id)
                        .flatMap(d -> WebhookEndpoint.<WebhookEndpoint>findByIdOptional(d.endpointId)
                                .map(e -> new Message(e.url, e.secret, d.messageId, d.payload))));
        if (message.isEmpty()) {
            return false;
        }
        Message m = message.get();
        WebhookSender.Outcome outcome = sender.send(m.url(), m.secret(), m.messageId(), m.payload());
        return QuarkusTransaction.requiringNew().call(() -> record(id, now, outcome));
    }

    private boolean record(long id, Instant now, WebhookSender.Outcome outcome) {
        WebhookDelivery delivery = WebhookDelivery.findById(id);
        if (delivery == null) {
            return false;
        }
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.deliveryId = id;
        attempt.attemptedAt = now;
        attempt.statusCode = outcome.status();
        attempt.error = outcome.error();
        attempt.durationMs = outcome.durationMs();
        attempt.persist();
        delivery.lastStatus = outcome.status();
        delivery.lastError = outcome.error();
        WebhookEndpoint endpoint = WebhookEndpoint.findById(delivery.endpointId);
        if (outcome.delivered()) {
            delivery.deliveredAt = now;
            endpoint.lastSuccessAt = now;
            endpoint.failingSince = null;
            return true;
        }
        String reason = outcome.status() != null ? "HTTP " + outcome.status() : outcome.error();
        Optional<Duration> delay = retryDelay(delivery.attempts);
        if (delay.isPresent()) {
            delivery.nextAttemptAt = now.plus(delay.get());
            Log.infof(
                    "Webhook delivery %d (%s) to endpoint %s failed (attempt %d), next attempt in %s: %s",
                    id, delivery.eventType, LogText.clean(endpoint.name), delivery.attempts, delay.get(), reason);
        } else {
            delivery.failedAt = now;
            Log.warnf(
                    "Webhook delivery %d (%s) to endpoint %s failed after %d attempts: %s",
                    id, delivery.eventType, LogText.clean(endpoint.name), delivery.attempts, reason);
        }
        if (endpoint.failingSince == null) {
            endpoint.failingSince = now;
        } else if (endpoint.disabledAt == null
                && !endpoint.failingSince.plus(config.webhooks().disableAfter()).isAfter(now)) {
            endpoint.disabledAt = now;
            // Its waiting deliveries are failed, not left pending: they show as failed and can be replayed.
            WebhookDelivery.update(
                    "failedAt = ?1 where endpointId = ?2 and deliveredAt is null and failedAt is null",
                    now,
                    endpoint.id);
            Log.warnf(
                    "Webhook endpoint %s disabled: no successful delivery since %s",
                    LogText.clean(endpoint.name), endpoint.failingSince);
        }
        return false;
    }
}
