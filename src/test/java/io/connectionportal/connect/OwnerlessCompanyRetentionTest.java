package io.connectionportal.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.shared.SessionStore;
import io.connectionportal.testing.Rows;

/** A company the API created has no user yet: the purges run past it and leave it alone. */
@QuarkusTest
class OwnerlessCompanyRetentionTest {

    @Inject
    ConnectRetention retention;

    @Inject
    SessionStore sessions;

    @Test
    void thePurgeRunsWithACompanyThatHasNoUserAndKeepsIt() {
        String ref = "ownerless-" + UUID.randomUUID();
        Rows.execute(
                "insert into company (name, created_at, external_ref, country, language) values (?1, ?2, ?3, 'FR', 'fr')",
                "Ownerless Retention",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(400),
                ref);

        retention.purge(Instant.now().plus(Duration.ofDays(400)));
        sessions.purgeExpired();

        assertEquals(1, Rows.count("company", "external_ref = ?1", ref));
        assertEquals(0, Rows.count("app_user", "company_id = (select id from company where external_ref = ?1)", ref));
    }
}
