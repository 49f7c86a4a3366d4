package io.connectionportal.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.hibernate.exception.ConstraintViolationException;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.connectors.Connectors;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.FinishesBeforeStop;
import io.connectionportal.shared.PortalConfig;

/**
 * Once a day ({@code portal.access.remind-cron}) e-mails the business of each linked connection whose platform ends
 * its access within {@code portal.access.renew-before}: one reminder per connection and end. Every instance runs it;
 * each reminder is claimed by inserting its {@link AccessNotice}, in the transaction that queues its e-mails, so of two
 * instances one sends it. A reconnect moves the end, which earns a reminder of its own when it comes near.
 */
@ApplicationScoped
public class RenewalReminders {

    private final PlatformCatalog catalog;
    private final Connectors connectors;
    private final PortalConfig config;
    private final AccessNotices notices;

    RenewalReminders(PlatformCatalog catalog, Connectors connectors, PortalConfig config, AccessNotices notices) {
        this.catalog = catalog;
        this.connectors = connectors;
        this.config = config;
        this.notices = notices;
    }

    // The default is PortalConfig.Access#remindCron's, which the configuration knows without repeating it.
    @FinishesBeforeStop
    @Scheduled(
            identity = "access-renewal-reminders",
            cron = "${portal.access.remind-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int sent = runOnce(Instant.now());
        if (sent > 0) {
            Log.infof("Sent %d reminders of access about to end", sent);
        }
    }

    /** Sends the reminders due at {@code now}; returns how many connections were reminded. */
    public int runOnce(Instant now) {
        Duration before = config.access().renewBefore();
        int sent = 0;
        for (Platform platform : catalog.all()) {
            Optional<Duration> lifetime = connectors.accessLifetime(platform);
            if (lifetime.isEmpty()) {
                continue;
            }
            // Linked between (now - lifetime) and (now + before - lifetime): the access ends within `before`.
            List<Long> due = QuarkusTransaction.requiringNew()
                    .call(() -> Connection.getEntityManager()
                            .createQuery(
                                    "select c.id from Connection c where c.platformKey = ?1 and c.status = ?2"
                                            + " and c.linkedAt > ?3 and c.linkedAt <= ?4 order by c.id",
                                    Long.class)
                            .setParameter(1, platform.key())
                            .setParameter(2, ConnectionStatus.LINKED)
                            .setParameter(3, now.minus(lifetime.get()))
                            .setParameter(4, now.plus(before).minus(lifetime.get()))
                            .getResultList());
            for (Long id : due) {
                if (remind(id, lifetime.get())) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean remind(long connectionId, Duration lifetime) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Connection connection = Connection.findById(connectionId);
                if (connection == null || !connection.linked() || connection.linkedAt == null) {
                    return false;
                }
                return notices.tell(connection, AccessNotice.Kind.ENDING, connection.linkedAt.plus(lifetime));
            });
        } catch (RuntimeException e) {
            if (!claimedElsewhere(e)) {
                throw e;
            }
            // Another instance inserted the same notice between the check and the flush: it sends the reminder.
            Log.debugf("The reminder for connection %d was claimed by another instance", connectionId);
            return false;
        }
    }

    private static boolean claimedElsewhere(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }
}
