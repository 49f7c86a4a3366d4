package io.connectionportal.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.shared.SessionStore;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/** The scheduled purge removes what nobody needs any more, and nothing that is still in use. */
@QuarkusTest
class RetentionTest {

    @Inject
    ConnectRetention retention;

    @Inject
    SessionStore sessions;

    @Test
    void aConnectionLeftPendingAtTheProviderIsRemovedWithItsAttemptOnceItsRetentionIsOver() {
        Browser browser = new Browser();
        String email = browser.signUp("Left At The Provider Co");
        startWithoutAnswering(browser, "xero");
        startWithoutAnswering(browser, "qonto");
        long companyId = companyOf(email);
        // The Xero attempt was started two hours ago; the Qonto one a minute ago, its owner may still be at the bank.
        Rows.execute(
                "update connection set created_at = ?1 where company_id = ?2 and platform_key = 'xero'",
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(2),
                companyId);
        Rows.execute(
                "update authorization_attempt set expires_at = ?1 where company_id = ?2 and connection_id in"
                        + " (select id from connection where platform_key = 'xero')",
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(2),
                companyId);

        retention.purge(Instant.now());

        assertEquals(0, Rows.count("connection", "company_id = ?1 and platform_key = 'xero'", companyId));
        assertEquals(1, Rows.count("connection", "company_id = ?1 and platform_key = 'qonto'", companyId));
        assertEquals(
                1, Rows.count("authorization_attempt", "company_id = ?1", companyId), "only the fresh attempt stays");
        browser.get("/connect/platforms?q=xero").then().statusCode(200);
    }

    @Test
    void aLinkedConnectionIsNeverRemovedHoweverOld() {
        Browser browser = new Browser();
        String email = browser.signUp("Old And Linked Co");
        long id = SandboxJourney.connect(browser, "xero");
        Rows.execute(
                "update connection set created_at = ?1 where id = ?2",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(400),
                id);

        retention.purge(Instant.now().plus(Duration.ofDays(1)));

        assertEquals(1, Rows.count("connection", "id = ?1 and status = 'LINKED'", id));
        assertEquals(1, Rows.count("connection", "company_id = ?1", companyOf(email)));
    }

    @Test
    void aShareLinkUsedOrExpiredLongAgoIsRemovedAndAnActiveOneStays() {
        Browser owner = new Browser();
        String email = owner.signUp("Old Links Co");
        owner.submit("/connect/consent", "/connect/consent", Map.of("category", "accounting", "agree", "yes"));
        owner.submit("/connect/share", "/connect/share", Map.of("colleague", "Old accountant"));
        owner.submit("/connect/share", "/connect/share", Map.of("colleague", "New accountant"));
        long companyId = companyOf(email);
        Rows.execute(
                "update share_link set expires_at = ?1 where company_id = ?2 and colleague = 'Old accountant'",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(31),
                companyId);

        retention.purge(Instant.now());

        assertEquals(0, Rows.count("share_link", "company_id = ?1 and colleague = 'Old accountant'", companyId));
        assertEquals(1, Rows.count("share_link", "company_id = ?1 and colleague = 'New accountant'", companyId));
    }

    @Test
    void expiredSessionsAreRemovedAndLiveOnesStay() {
        Browser expired = new Browser();
        String gone = expired.signUp("Expired Session Co");
        Browser live = new Browser();
        String stays = live.signUp("Live Session Co");
        Rows.execute(
                "update user_session set expires_at = ?1 where user_id = (select id from app_user where email = ?2)",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1),
                gone);

        sessions.purgeExpired();

        assertEquals(0, Rows.count("user_session s join app_user u on u.id = s.user_id", "u.email = ?1", gone));
        assertEquals(1, Rows.count("user_session s join app_user u on u.id = s.user_id", "u.email = ?1", stays));
        live.get("/connections").then().statusCode(200);
    }

    private static void startWithoutAnswering(Browser browser, String platformKey) {
        browser.submit("/connect/platforms/" + platformKey, "/connect/platforms/" + platformKey, Map.of("agree", "yes"))
                .then()
                .statusCode(303);
    }

    private static long companyOf(String email) {
        return ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
    }
}
