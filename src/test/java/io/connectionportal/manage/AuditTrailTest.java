package io.connectionportal.manage;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/** The audit trail (M6): recorded where things happen, shown per connection with who and when, in both languages. */
@QuarkusTest
class AuditTrailTest {

    private static final Pattern LINK = Pattern.compile("value=\"https?://[^\"]+/share/([A-Za-z0-9_-]+)\"");

    @Test
    void consentConnectionAndReconnectAreRecordedWithWhoAndWhen() {
        Browser browser = new Browser();
        String email = browser.signUp("Audit Co");
        long company = Stored.companyOf(email);
        long id = SandboxJourney.connect(browser, "xero");

        assertEquals(
                1,
                Rows.count(
                        "audit_event",
                        "company_id = ?1 and type = 'CONSENT_GIVEN' and actor = ?2"
                                + " and detail = 'accounting' and connection_id is null",
                        company,
                        email));
        assertEquals(
                1,
                Rows.count(
                        "audit_event",
                        "company_id = ?1 and connection_id = ?2 and type = 'CONNECTED'"
                                + " and actor = ?3 and platform_key = 'xero' and occurred_at is not null",
                        company,
                        id,
                        email));

        String page = browser.get("/connections/" + id).body().asString();
        assertTrue(page.contains("Activity"));
        assertTrue(
                page.indexOf("<strong>Connected</strong>") < page.indexOf("<strong>Consent given</strong>"),
                "newest first");
        assertTrue(page.contains("Kinds of data: Accounting"), page);
        assertTrue(page.contains("<time datetime=\""));

        browser.get("/connections/" + id + "/deauthorize");
        browser.post("/connections/" + id + "/deauthorize", Map.of()).then().statusCode(303);
        SandboxJourney.reconnect(browser, id, "xero", SandboxJourney.ALLOW);
        // The trail's markup is kept between views: the same reader, in the same minute, sees the events added since.
        String after = browser.get("/connections/" + id).body().asString();
        assertTrue(after.contains("<strong>Disconnected</strong>"), after);
        assertTrue(
                after.indexOf("<strong>Reconnected</strong>") < after.indexOf("<strong>Disconnected</strong>"),
                "newest first");

        Browser french = new Browser("fr");
        french.submit("/login", "/login", Map.of("email", email, "password", Browser.PASSWORD));
        french.get("/connections/" + id)
                .then()
                .statusCode(200)
                .body(containsString("Activité"))
                .body(containsString("Reliée à nouveau"))
                .body(containsString("Dissociée"))
                .body(containsString("Dissociée chez la plateforme"))
                .body(containsString("automatiquement"))
                .body(containsString("par " + email));
    }

    @Test
    void aLongTrailShowsItsNewestEventsAndSendsToTheCompanysActivityForTheRest() {
        Browser browser = new Browser();
        String email = browser.signUp("Audit Long Co");
        long company = Stored.companyOf(email);
        long id = SandboxJourney.connect(browser, "xero");
        String page = browser.get("/connections/" + id).body().asString();
        assertFalse(page.contains("href=\"/activity\">Showing the latest"), "a short trail is shown whole");

        // A year of daily syncs before the connection's own first events: one event each.
        Instant now = Instant.now();
        for (int day = 1; day <= 365; day++) {
            Rows.execute(
                    "insert into audit_event (company_id, connection_id, platform_key, type, actor, occurred_at,"
                            + " detail) values (?1, ?2, 'xero', 'SYNCED', 'system', ?3, '42 records')",
                    company,
                    id,
                    now.minus(day, ChronoUnit.DAYS));
        }

        page = browser.get("/connections/" + id).body().asString();
        String trail = page.substring(page.indexOf("class=\"plain-list audit-trail\""));
        trail = trail.substring(0, trail.indexOf("</ol>"));
        assertEquals(ConnectionResource.TRAIL_SHOWN, trail.split("<li>").length - 1, "twenty events shown");
        assertTrue(page.contains("<strong>Connected</strong>"), "the newest first, the connection's own among them");
        assertTrue(page.contains("href=\"/activity\">Showing the latest 20 events."), page);

        Browser french = new Browser("fr");
        french.submit("/login", "/login", Map.of("email", email, "password", Browser.PASSWORD));
        french.get("/connections/" + id).then().body(containsString("Les 20 derniers événements sont affichés."));
    }

    @Test
    void aColleaguesShareLinkIsRecordedWithTheirName() {
        Browser owner = new Browser();
        String email = owner.signUp("Audit Share Co");
        long company = Stored.companyOf(email);
        owner.submit("/connect/consent", "/connect/consent", Map.of("category", "accounting", "agree", "yes"));
        Response created = owner.submit("/connect/share", "/connect/share", Map.of("colleague", "Our accountant"));
        Matcher link =
                LINK.matcher(owner.get(URI.create(created.header("Location")).getPath())
                        .body()
                        .asString());
        assertTrue(link.find());

        Browser colleague = new Browser();
        colleague.get("/share/" + link.group(1));
        Response start =
                colleague.post("/share/" + link.group(1), Map.of("name", "Jeanne Comptable", "platform", "xero"));
        assertEquals(303, start.statusCode(), start.body().asString());
        Response back = SandboxJourney.atProvider(colleague, start.header("Location"), "xero", SandboxJourney.ALLOW);
        assertTrue(back.header("Location").endsWith("/share/" + link.group(1) + "/done"));

        long id = ((Number) Rows.single("select id from connection where company_id = ?1", company)).longValue();
        assertEquals(
                1,
                Rows.count(
                        "audit_event",
                        "connection_id = ?1 and type = 'SHARE_LINK_USED'"
                                + " and actor = 'Jeanne Comptable (share link)'",
                        id));
        assertEquals(
                1,
                Rows.count(
                        "audit_event",
                        "connection_id = ?1 and type = 'CONNECTED'" + " and actor = 'Jeanne Comptable (share link)'",
                        id));
        owner.get("/connections/" + id)
                .then()
                .body(containsString("Share link used"))
                .body(containsString("by Jeanne Comptable, through a share link"));
    }
}
