package io.connectionportal.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionTokens;
import io.connectionportal.connections.Reauthorization;
import io.connectionportal.connectors.Connector;
import io.connectionportal.connectors.Connectors;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.PortalConfig;
import io.connectionportal.sync.SyncJobs;
import io.connectionportal.sync.SyncWorker;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Mailboxes;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/**
 * The business hears when a connection breaks (a banner on every page, one e-mail per breakage) and before a platform
 * ends its access (the date on the dashboard, a renewal prompt and one reminder e-mail).
 */
@QuarkusTest
class AccessNoticeTest {

    private static final String BANNER = "class=\"notice notice-warning reconnect-banner\"";

    @Inject
    MockMailbox mailbox;

    @Inject
    PortalConfig config;

    @Inject
    SyncJobs jobs;

    @Inject
    SyncWorker worker;

    @Inject
    Connectors connectors;

    @Inject
    PlatformCatalog catalog;

    @Inject
    ConnectionTokens tokens;

    @Inject
    Reauthorization reauthorization;

    @Inject
    RenewalReminders reminders;

    @Test
    void aBreakageShowsTheBannerEverywhereAndIsMailedOncePerBreakage() throws Exception {
        Browser browser = new Browser();
        String email = browser.signUp("Breakage Co");
        long id = SandboxJourney.connect(browser, "xero");
        Browser other = new Browser();
        other.signUp("Breakage Bystander Co");
        SandboxJourney.connect(other, "xero");

        breakAtTheProvider(id);
        assertEquals("REAUTH_REQUIRED", status(id));

        for (String page : new String[] {"/connections", "/privacy", "/support"}) {
            String html = browser.get(page).then().statusCode(200).extract().asString();
            assertTrue(html.contains(BANNER), page + ": " + html);
            assertTrue(html.contains("Xero no longer accepts our access"), page);
            assertTrue(html.contains("action=\"/connections/" + id + "/reconnect\""), page);
            assertTrue(html.contains(">Reconnect Xero</button>"), page);
        }
        String ownPage = browser.get("/connections/" + id).then().extract().asString();
        assertFalse(ownPage.contains(BANNER), "its own page has its Reconnect already");
        assertFalse(other.get("/connections").then().extract().asString().contains(BANNER), "another company");

        Mail mail = Mailboxes.awaitMail(mailbox, email, m -> m.getSubject().equals("Reconnect Xero to Lendwell"));
        String link = config.baseUrl() + "/connections/" + id;
        assertTrue(mail.getText().contains("Reconnect Xero: " + link), mail.getText());
        assertTrue(mail.getHtml().contains("href=\"" + link + "\""), mail.getHtml());
        assertTrue(mail.getHtml().contains("Xero no longer accepts the access you gave Lendwell"), mail.getHtml());

        // The failures go on (the token job, a sync): the connection is already marked, nothing is told again.
        QuarkusTransaction.requiringNew()
                .run(() -> assertFalse(reauthorization.require(
                        Connection.findById(id, LockModeType.PESSIMISTIC_WRITE), "invalid_grant")));
        jobs.refresh(companyOf(email), id);
        worker.runPending();
        Mailboxes.deliverOutbox();
        assertEquals(1, mails(email, "Reconnect Xero to Lendwell"));

        // The one-click Reconnect from the banner goes straight to the platform.
        browser.get("/privacy");
        Response start = browser.post("/connections/" + id + "/reconnect", Map.of());
        assertEquals(303, start.statusCode(), start.body().asString());
        SandboxJourney.atProvider(browser, start.header("Location"), "xero", SandboxJourney.ALLOW);
        assertEquals("LINKED", status(id));
        assertFalse(browser.get("/connections").then().extract().asString().contains(BANNER), "gone once linked");

        breakAtTheProvider(id);
        assertTrue(browser.get("/connections").then().extract().asString().contains(BANNER));
        Mailboxes.deliverOutbox();
        assertEquals(2, mails(email, "Reconnect Xero to Lendwell"), "a new breakage is told again");
        assertEquals(2, Rows.count("access_notice", "connection_id = ?1 and kind = 'BROKEN'", id));
    }

    @Test
    void theBreakageMailIsInTheLanguageTheUserUses() throws Exception {
        Browser french = new Browser("fr");
        String email = french.signUp("Rupture SARL");
        long id = SandboxJourney.connect(french, "qonto");
        breakAtTheProvider(id);

        Mail mail =
                Mailboxes.awaitMail(mailbox, email, m -> m.getSubject().equals("Reliez à nouveau Qonto à Lendwell"));
        String link = config.baseUrl() + "/connections/" + id;
        assertTrue(mail.getText().contains("Relier à nouveau Qonto\u00a0: " + link), mail.getText());
        assertTrue(
                mail.getText().contains("Qonto n’accepte plus l’accès que vous avez donné à Lendwell"), mail.getText());
        assertTrue(mail.getHtml().contains("lang=\"fr\""), mail.getHtml());
        assertTrue(mail.getHtml().contains("href=\"" + link + "\""), mail.getHtml());
        String page = french.get("/connections").then().extract().asString();
        assertTrue(page.contains("Qonto n’accepte plus notre accès"), page);
        assertTrue(page.contains(">Relier à nouveau Qonto</button>"), page);

        // An English speaker who switches to French is written to in French from then on.
        Browser switching = new Browser();
        String switcher = switching.signUp("Switching Co");
        long second = SandboxJourney.connect(switching, "qonto");
        switching.get("/connections");
        switching
                .post("/language", Map.of("lang", "fr", "next", "/connections"))
                .then()
                .statusCode(303);
        breakAtTheProvider(second);
        Mailboxes.awaitMail(mailbox, switcher, m -> m.getSubject().equals("Reliez à nouveau Qonto à Lendwell"));
    }

    @Test
    void aPlatformThatEndsAccessShowsTheEndAndRemindsOnceBeforeIt() {
        Browser browser = new Browser();
        String email = browser.signUp("Open Banking Co");
        long id = SandboxJourney.connect(browser, "hsbc-uk");
        Browser other = new Browser();
        other.signUp("Open Banking Bystander Co");

        Instant linkedAt = Rows.instant("select linked_at from connection where id = ?1", id);
        String dashboard =
                browser.get("/connections").then().statusCode(200).extract().asString();
        assertTrue(dashboard.contains("<dt>Access ends on</dt>"), dashboard);
        assertFalse(dashboard.contains("Access to HSBC UK ends on"), "no prompt three months ahead");
        assertTrue(browser.get("/connections/" + id).then().extract().asString().contains("id=\"access-ends\""));
        reminders.runOnce(Instant.now());
        assertEquals(0, notices(id), "nothing to remind three months ahead");

        // 85 days later: the end (day 90) is within the week.
        Rows.execute("update connection set linked_at = ?1 where id = ?2", linkedAt.minus(Duration.ofDays(85)), id);
        Instant endsAt = linkedAt.plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.MILLIS);
        dashboard = browser.get("/connections").then().extract().asString();
        assertTrue(dashboard.contains("Access to HSBC UK ends on"), dashboard);
        assertTrue(dashboard.contains("action=\"/connections/" + id + "/reconnect\""), dashboard);
        String detail = browser.get("/connections/" + id).then().extract().asString();
        assertTrue(detail.contains("id=\"renewal\""), detail);
        assertTrue(detail.contains(">Reconnect HSBC UK</button>"), detail);
        assertFalse(other.get("/connections").then().extract().asString().contains("HSBC UK"), "another company");

        reminders.runOnce(Instant.now());
        reminders.runOnce(Instant.now());
        assertEquals(1, notices(id), "one reminder per connection and end, however many runs");
        Mail mail = Mailboxes.awaitMail(
                mailbox, email, m -> m.getSubject().equals("Access to HSBC UK ends soon: reconnect it"));
        String link = config.baseUrl() + "/connections/" + id;
        assertTrue(mail.getText().contains("Reconnect HSBC UK: " + link), mail.getText());
        assertTrue(mail.getHtml().contains("href=\"" + link + "\""), mail.getHtml());
        assertEquals(
                endsAt,
                Rows.instant("select occasion from access_notice where connection_id = ?1", id)
                        .truncatedTo(ChronoUnit.MILLIS));
        Mailboxes.deliverOutbox();
        assertEquals(1, mails(email, "Access to HSBC UK ends soon: reconnect it"));

        // Reconnecting renews the access: a new end, 90 days on, and no prompt.
        Response back = SandboxJourney.reconnect(browser, id, "hsbc-uk", SandboxJourney.ALLOW);
        assertTrue(back.header("Location").endsWith("/connections/" + id), back.header("Location"));
        assertEquals("LINKED", status(id));
        assertFalse(browser.get("/connections").then().extract().asString().contains("Access to HSBC UK ends on"));
    }

    /** Ends the grant at the sandbox (RFC 7009), as a user removing the app would, then lets a sync find out. */
    private void breakAtTheProvider(long id) throws Exception {
        String refresh = QuarkusTransaction.requiringNew()
                .call(() -> tokens.refreshToken(Connection.findById(id)).orElseThrow());
        String platform = (String) Rows.single("select platform_key from connection where id = ?1", id);
        boolean sandbox = (Boolean) Rows.single("select sandbox from connection where id = ?1", id);
        Connector connector = connectors.forConnection(catalog.find(platform).orElseThrow(), sandbox);
        connector.revoke(refresh, Connector.TokenKind.REFRESH_TOKEN);
        long company = ((Number) Rows.single("select company_id from connection where id = ?1", id)).longValue();
        jobs.refresh(company, id);
        worker.runPending();
        assertEquals("REAUTH_REQUIRED", status(id));
    }

    private static String status(long id) {
        return (String) Rows.single("select status from connection where id = ?1", id);
    }

    private static long companyOf(String email) {
        return ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
    }

    private static long mails(String email, String subject) {
        return Rows.count("mail_outbox", "recipient = ?1 and subject = ?2", email, subject);
    }

    private static long notices(long id) {
        return Rows.count("access_notice", "connection_id = ?1 and kind = 'ENDING'", id);
    }
}
