package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;

/** A page's reads load entities read-only: a change made to one by mistake while a page is read is never written. */
@QuarkusTest
class PageReadsTest {

    @Inject
    PageReads pageReads;

    @Test
    void anEntityChangedWhileAPageReadsIsNotWritten() {
        new Browser().signUp("Read Only Pages Co");
        long id = QuarkusTransaction.requiringNew()
                .call(() -> UserSession.<UserSession>find("order by id desc").firstResult().id);

        Instant read = pageReads.of(() -> {
            UserSession session = UserSession.findById(id);
            Instant lastSeen = session.lastSeenAt;
            session.lastSeenAt = lastSeen.plus(Duration.ofDays(1));
            return lastSeen;
        });

        Instant stored = QuarkusTransaction.requiringNew().call(() -> UserSession.<UserSession>findById(id).lastSeenAt);
        assertEquals(read, stored);
    }
}
