package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;

/**
 * A session ends after 30 minutes without use as well as at its absolute lifetime, and a request records its use
 * at most once a minute, so most page views write nothing.
 */
@QuarkusTest
class SessionLifetimeTest {

    @Inject
    PortalConfig config;

    @Test
    void aSessionUnusedForLongerThanTheIdleTimeoutNoLongerSignsIn() {
        Browser browser = new Browser();
        String email = browser.signUp("Idle Co");
        browser.get("/connections").then().statusCode(200);

        setLastSeen(email, Instant.now().minus(Duration.ofMinutes(31)));

        browser.get("/connections").then().statusCode(303).header("Location", "/login?next=%2Fconnections");
    }

    @Test
    void aSessionInUseLivesOnButNotBeyondItsAbsoluteLifetime() {
        Browser browser = new Browser();
        String email = browser.signUp("Busy Co");
        setLastSeen(email, Instant.now().minus(Duration.ofMinutes(29)));
        browser.get("/connections").then().statusCode(200);
        browser.get("/connections").then().statusCode(200);

        Rows.execute(
                "update user_session set expires_at = ?1 where user_id = (select id from app_user where email = ?2)",
                OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1),
                email);

        browser.get("/connections").then().statusCode(303);
    }

    @Test
    void useIsRecordedAtMostOnceAMinute() {
        Browser browser = new Browser();
        String email = browser.signUp("Quiet Co");
        Instant thirtySecondsAgo = Instant.now().minusSeconds(30);
        setLastSeen(email, thirtySecondsAgo);

        browser.get("/connections").then().statusCode(200);
        assertEquals(thirtySecondsAgo.toEpochMilli(), lastSeen(email).toEpochMilli(), "not written within the minute");

        Instant twoMinutesAgo = Instant.now().minus(Duration.ofMinutes(2));
        setLastSeen(email, twoMinutesAgo);
        browser.get("/connections").then().statusCode(200);
        assertTrue(lastSeen(email).isAfter(Instant.now().minusSeconds(30)), "written once a minute has passed");
    }

    @Test
    void theDefaultsAreThirtyIdleMinutesAndAtMostTwelveHours() {
        assertEquals(Duration.ofMinutes(30), config.session().idleTimeout());
        assertTrue(config.session().maxAge().compareTo(Duration.ofHours(12)) <= 0);
        assertEquals(Duration.ofMinutes(10), config.session().reauthenticationValidFor());
    }

    @Test
    void aConfiguredLifetimeLongerThanTwelveHoursStopsTheStartNamingTheSetting() {
        var refused = assertThrows(IllegalStateException.class, () -> SessionStore.checkMaxAge(Duration.ofHours(13)));
        assertTrue(refused.getMessage().contains("portal.session.max-age"), refused.getMessage());
        assertTrue(refused.getMessage().contains("PORTAL_SESSION_MAX_AGE"), refused.getMessage());

        SessionStore.checkMaxAge(Duration.ofHours(12));
    }

    private static void setLastSeen(String email, Instant at) {
        Rows.execute(
                "update user_session set last_seen_at = ?1 where user_id = (select id from app_user where email = ?2)",
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
                email);
    }

    private static Instant lastSeen(String email) {
        Object value = Rows.single(
                "select s.last_seen_at from user_session s join app_user u on u.id = s.user_id where u.email = ?1",
                email);
        if (value instanceof Instant instant) {
            return instant;
        }
        return value instanceof OffsetDateTime odt ? odt.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }
}
