package io.connectionportal.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.shared.PortalConfig;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.LogCapture;
import io.connectionportal.testing.Rows;

/**
 * Every e-mail goes through the outbox: stored with the commit that caused it, sent by the job outside any
 * transaction, retried with growing delays, given up after the last attempt, sent once however many jobs run.
 */
@QuarkusTest
class MailOutboxTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    MailOutbox outbox;

    @Inject
    MailDelivery delivery;

    @Inject
    MailSender realSender;

    @Inject
    PortalConfig config;

    @Test
    void aSignUpsGreetingWaitsInTheOutboxUntilTheJobSendsIt() {
        String email = new Browser().signUp("Outboxed Co");

        assertEquals(
                1, Rows.count("mail_outbox", "recipient = ?1 and sent_at is null", email), "stored with the account");
        assertEquals(0, received(email), "not sent by the request");

        delivery.runOnce();

        assertEquals(1, received(email));
        assertEquals(1, Rows.count("mail_outbox", "recipient = ?1 and sent_at is not null and attempts = 1", email));
        delivery.runOnce();
        assertEquals(1, received(email), "a sent e-mail is not sent again");
    }

    @Test
    void aFailedSendIsRetriedLaterWithAGrowingDelayAndThenDelivered() {
        // Earlier tests' greetings wait in the outbox too: sent first, so this mail is in the next run's batch of 50.
        while (delivery.runOnce() > 0) {}
        String to = Browser.uniqueEmail();
        long id = enqueue(to, "Retried");
        AtomicInteger failuresLeft = new AtomicInteger(2);
        MailDelivery flaky = new MailDelivery(
                (mail, timeout) -> {
                    if (mail.getTo().contains(to) && failuresLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("421 4.3.0 <" + to + "> try again later");
                    }
                    realSender.send(mail, timeout);
                },
                config);
        // Whole milliseconds, so the due times written and compared are exact; one more, so the mail is due at start.
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);

        flaky.runOnce(start);
        assertEquals(1, attempts(id));
        assertEquals(
                Duration.ofMinutes(1), Duration.between(start, nextAttempt(id)).withNanos(0));
        String error = (String) Rows.single("select last_error from mail_outbox where id = ?1", id);
        assertTrue(error.contains("try again later"), error);
        assertFalse(error.contains(to), "no address in the stored error");

        flaky.runOnce(start.plusSeconds(30));
        assertEquals(1, attempts(id), "not due yet");

        flaky.runOnce(start.plus(Duration.ofMinutes(1)));
        assertEquals(2, attempts(id));
        assertEquals(0, received(to));

        flaky.runOnce(start.plus(Duration.ofMinutes(3)));
        assertEquals(3, attempts(id));
        assertEquals(1, received(to));
        assertEquals(1, Rows.count("mail_outbox", "id = ?1 and sent_at is not null", id));
    }

    @Test
    void aMailThatKeepsFailingIsGivenUpAfterTheLastAttemptWithALogLineWithoutItsAddress() {
        String to = Browser.uniqueEmail();
        long id = enqueue(to, "Never delivered");
        MailDelivery refusing = new MailDelivery(
                (mail, timeout) -> {
                    if (mail.getTo().contains(to)) {
                        throw new IllegalStateException("550 5.1.1 <" + to + ">: mailbox unknown");
                    }
                    realSender.send(mail, timeout);
                },
                config);
        Instant now = Instant.now();
        try (LogCapture log = new LogCapture()) {
            for (int i = 0; i < config.mail().maxAttempts() + 2; i++) {
                refusing.runOnce(now);
                now = now.plus(Duration.ofHours(2));
            }
            List<String> givenUp = log.linesContaining("E-mail " + id + " given up after");
            assertEquals(1, givenUp.size(), givenUp.toString());
            assertFalse(log.anyContains(to), "no address in the logs");
        }
        assertEquals(config.mail().maxAttempts(), attempts(id));
        assertNotNull(Rows.single("select abandoned_at from mail_outbox where id = ?1", id));
    }

    @Test
    void twoJobsRunningAtOnceSendEachMailOnce() throws Exception {
        String to = Browser.uniqueEmail();
        for (int i = 0; i < 20; i++) {
            enqueue(to, "Once " + i);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return delivery.runOnce();
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Mail> received = mailbox.getMailsSentTo(to);
        assertEquals(20, received.size());
        assertEquals(20, received.stream().map(Mail::getSubject).distinct().count(), "no e-mail twice");
        assertEquals(20, Rows.count("mail_outbox", "recipient = ?1 and attempts = 1 and sent_at is not null", to));
    }

    @Test
    void aMailIsOnlyEverQueuedInTheCallersTransaction() {
        OutgoingMail mail = new OutgoingMail(Browser.uniqueEmail(), null, "No transaction", "text", null);
        assertThrows(TransactionalException.class, () -> outbox.enqueue(mail));
    }

    @Test
    void aMailRolledBackWithItsTransactionIsNeverSent() {
        String to = Browser.uniqueEmail();
        assertThrows(
                IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    outbox.enqueue(new OutgoingMail(to, null, "Rolled back", "text", null));
                    throw new IllegalStateException("what the mail was about failed");
                }));
        delivery.runOnce();
        assertEquals(0, Rows.count("mail_outbox", "recipient = ?1", to));
        assertEquals(0, received(to));
    }

    @Test
    void sentMailIsPurgedAfterItsRetentionAndUnsentMailStays() {
        String sent = Browser.uniqueEmail();
        long sentId = enqueue(sent, "Purged later");
        delivery.runOnce();
        String waiting = Browser.uniqueEmail();
        long waitingId = enqueue(waiting, "Still waiting");
        Rows.execute(
                "update mail_outbox set next_attempt_at = ?1 where id = ?2",
                Instant.now().plus(Duration.ofDays(30)),
                waitingId);

        delivery.purge(Instant.now().plus(config.retention().sentMail()).minusSeconds(60));
        assertEquals(1, Rows.count("mail_outbox", "id = ?1", sentId), "kept during its retention");

        delivery.purge(Instant.now().plus(config.retention().sentMail()).plusSeconds(60));
        assertEquals(0, Rows.count("mail_outbox", "id = ?1", sentId));
        assertEquals(1, Rows.count("mail_outbox", "id = ?1", waitingId));
    }

    @Test
    void retryDelaysDoubleFromOneMinuteToAnHourAtMost() {
        assertEquals(Duration.ofMinutes(1), MailDelivery.retryDelay(1));
        assertEquals(Duration.ofMinutes(2), MailDelivery.retryDelay(2));
        assertEquals(Duration.ofMinutes(32), MailDelivery.retryDelay(6));
        assertEquals(Duration.ofHours(1), MailDelivery.retryDelay(7));
        assertEquals(Duration.ofHours(1), MailDelivery.retryDelay(40));
    }

    @Test
    void theGreetingAndSupportMailsGoThroughTheOutbox() {
        String email = new Browser().signUp("Two Mails Co");
        assertEquals(1, Rows.count("mail_outbox", "recipient = ?1", email));
        long before =
                Rows.count("mail_outbox", "recipient = ?1", config.support().email());
        new Browser()
                .submit(
                        "/support",
                        "/support",
                        Map.of(
                                "name",
                                "Camille",
                                "email",
                                email,
                                "topic",
                                "connecting",
                                "message",
                                "Where is my bank?"))
                .then()
                .statusCode(303);
        assertEquals(
                before + 1,
                Rows.count("mail_outbox", "recipient = ?1", config.support().email()));
        assertEquals(
                1,
                Rows.count(
                        "mail_outbox",
                        "recipient = ?1 and reply_to = ?2",
                        config.support().email(),
                        email));
    }

    private long enqueue(String to, String subject) {
        return QuarkusTransaction.requiringNew()
                .call(() -> outbox.enqueue(new OutgoingMail(to, null, subject, "Body of " + subject, null)));
    }

    private int received(String to) {
        List<Mail> mails = mailbox.getMailsSentTo(to);
        return mails == null ? 0 : mails.size();
    }

    private static int attempts(long id) {
        return ((Number) Rows.single("select attempts from mail_outbox where id = ?1", id)).intValue();
    }

    private static Instant nextAttempt(long id) {
        Object value = Rows.single("select next_attempt_at from mail_outbox where id = ?1", id);
        return value instanceof java.time.OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }
}
