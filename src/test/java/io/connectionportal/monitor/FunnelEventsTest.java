package io.connectionportal.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.platforms.Category;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Management;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/**
 * Walking the journey as a business does (landing, sign-up, value exchange, consent, a platform
 * allowed at the sandbox and one denied) records each funnel event once, with its category and
 * platform, and nothing that names anyone.
 */
@QuarkusTest
class FunnelEventsTest {

    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final String SANDBOX_LOGIN = "demo@sandbox.example";
    private static final String COMPANY_NAME = "Funnel Walk Boulangerie";

    @Inject
    MonitorFixtures fixtures;

    @Inject
    FunnelEvents events;

    @Test
    void aPageViewWritesNothingItsEventWaitsForTheNextFlush() {
        events.flush();
        long before = Rows.count("funnel_event", "step = 'LANDING_VIEWED'");
        long daily = ((Number)
                        Rows.single("select coalesce(sum(events), 0) from funnel_daily where step = 'LANDING_VIEWED'"))
                .longValue();

        assertEquals(200, new Browser().get("/").statusCode());
        assertEquals(before, Rows.count("funnel_event", "step = 'LANDING_VIEWED'"), "not written by the request");

        events.flush();
        assertEquals(before + 1, Rows.count("funnel_event", "step = 'LANDING_VIEWED'"));
        assertEquals(
                daily + 1,
                ((Number) Rows.single(
                                "select coalesce(sum(events), 0) from funnel_daily where step = 'LANDING_VIEWED'"))
                        .longValue());
    }

    @Test
    void aHalfFullBufferIsWrittenWithoutWaitingForTheSchedule() throws InterruptedException {
        events.flush();
        String platform = "buffer-half";
        for (int i = 0; i < FunnelEvents.CAPACITY / 2; i++) {
            events.record(FunnelStep.PLATFORM_SELECTED, Category.ACCOUNTING, platform, null);
        }
        // The schedule is halted in tests and nothing asks for a flush: the buffer went to a writer of its own.
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (Rows.count("funnel_event", "platform = ?1", platform) < FunnelEvents.CAPACITY / 2
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(FunnelEvents.CAPACITY / 2L, Rows.count("funnel_event", "platform = ?1", platform));
    }

    @Test
    void aFullBufferKeepsMemoryBoundedAndNoEventIsDropped() {
        events.flush();
        String platform = "buffer-overflow";
        // More than the buffer holds: a request that finds it full writes it (or waits for the early write under way).
        for (int i = 0; i <= FunnelEvents.CAPACITY; i++) {
            events.record(FunnelStep.PLATFORM_SELECTED, Category.ACCOUNTING, platform, null);
        }
        // A flush waits for a write under way, then writes the rest: every event is stored once.
        events.flush();
        assertEquals(FunnelEvents.CAPACITY + 1L, Rows.count("funnel_event", "platform = ?1", platform));
        assertEquals(
                FunnelEvents.CAPACITY + 1L,
                ((Number) Rows.single("select sum(events) from funnel_daily where platform = ?1", platform))
                        .longValue());
    }

    @Test
    void walkingTheJourneyRecordsEachStepOnceWithoutPersonalData() {
        Map<String, Long> before = counts();
        Map<String, Long> dailyBefore = dailyCounts();

        Browser browser = new Browser();
        assertEquals(200, browser.get("/").statusCode());
        String email = browser.signUp(COMPANY_NAME);
        assertEquals(200, browser.get("/connect").statusCode());
        Response consent =
                browser.submit("/connect/consent", "/connect/consent", Map.of("category", "banking", "agree", "yes"));
        assertEquals(303, consent.statusCode());

        Response allowed = connect(browser, "xero", "allow");
        assertTrue(allowed.header("Location").contains("/connect/connected/"), allowed.header("Location"));
        Response denied = connect(browser, "qonto", "deny");
        assertTrue(denied.header("Location").contains("cancelled=qonto"), denied.header("Location"));

        Map<String, Long> recorded = difference(before, counts());
        assertEquals(
                new TreeMap<>(Map.of(
                        "LANDING_VIEWED||", 1L,
                        "SIGNED_UP||", 1L,
                        "VALUE_EXCHANGE_VIEWED||", 1L,
                        "CONSENT_GIVEN|banking|", 1L,
                        "CONSENT_GIVEN|accounting|", 1L,
                        "PLATFORM_SELECTED|accounting|xero", 1L,
                        "AUTHORIZATION_COMPLETED|accounting|xero", 1L,
                        "PLATFORM_SELECTED|banking|qonto", 1L,
                        "AUTHORIZATION_CANCELLED|banking|qonto", 1L)),
                recorded);

        // The daily counts moved by exactly as much.
        Map<String, Long> daily = difference(dailyBefore, dailyCounts());
        assertEquals(recorded, daily);

        // The company's milestones: signed up and authorized, no upload yet.
        long companyId = ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
        List<Object[]> milestone = fixtures.rows(
                "select signed_up_at, first_authorized_at, first_upload_at from company_milestone where company_id = ?1",
                companyId);
        assertEquals(1, milestone.size());
        assertNotNull(milestone.get(0)[0]);
        assertNotNull(milestone.get(0)[1]);
        assertNull(milestone.get(0)[2]);

        assertNoPersonalData(email);
    }

    @Test
    void aFileUploadedAndAShareLinkCreatedAndUsedAreRecordedOnce() {
        Browser owner = new Browser();
        String email = owner.signUp("Funnel Share Co");
        owner.submit("/connect/consent", "/connect/consent", Map.of("category", "accounting", "agree", "yes"));
        Map<String, Long> before = counts();

        owner.get("/connect/upload");
        Response uploaded = owner.request()
                .multiPart("file", "Profit and loss.pdf", PDF.getBytes(StandardCharsets.US_ASCII), "application/pdf")
                .multiPart("csrf-token", owner.csrfToken())
                .multiPart("category", "banking")
                .post("/connect/upload");
        assertEquals(303, uploaded.statusCode(), uploaded.body().asString());

        Response created = owner.submit("/connect/share", "/connect/share", Map.of("colleague", "Jeanne Comptable"));
        assertEquals(303, created.statusCode());
        Matcher link = Pattern.compile("value=\"https?://[^\"]+/share/([A-Za-z0-9_-]+)\"")
                .matcher(owner.get(URI.create(created.header("Location")).getPath())
                        .body()
                        .asString());
        assertTrue(link.find());
        Browser colleague = new Browser();
        colleague.get("/share/" + link.group(1));
        Response started =
                colleague.post("/share/" + link.group(1), Map.of("name", "Jeanne Comptable", "platform", "freeagent"));
        assertEquals(303, started.statusCode(), started.body().asString());
        // The link is used when its connection is made: the colleague comes back from the provider.
        String callback = RestAssured.given()
                .urlEncodingEnabled(false)
                .redirects()
                .follow(false)
                .get(started.header("Location"))
                .header("Location");
        assertEquals(303, colleague.get(SandboxJourney.path(callback)).statusCode());

        assertEquals(
                new TreeMap<>(Map.of(
                        "FILE_UPLOADED|banking|", 1L,
                        "SHARE_LINK_CREATED||", 1L,
                        "SHARE_LINK_USED|accounting|freeagent", 1L,
                        "PLATFORM_SELECTED|accounting|freeagent", 1L,
                        "AUTHORIZATION_COMPLETED|accounting|freeagent", 1L)),
                difference(before, counts()));

        long companyId = ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
        assertNotNull(fixtures.rows("select first_upload_at from company_milestone where company_id = ?1", companyId)
                .get(0)[0]);
        assertNoPersonalData(email);
        String metrics = Management.get("/q/metrics");
        assertFalse(metrics.contains(link.group(1)), "no share-link token in the metrics' URI tags");
        assertFalse(metrics.contains(email));
    }

    private static final String PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

    /** No e-mail address, name, address or user agent in any column of any monitoring table. */
    private void assertNoPersonalData(String email) {
        assertEquals(
                List.of("CATEGORY", "ID", "OCCURRED_AT", "PLATFORM", "STEP"),
                columns("FUNNEL_EVENT"),
                "an event has no column that could hold who it was");
        for (String table : List.of("funnel_event", "funnel_daily", "company_milestone")) {
            for (Object[] row : fixtures.rows("select * from " + table)) {
                for (Object value : row) {
                    String text = String.valueOf(value);
                    assertFalse(text.contains("@"), table + " holds an e-mail address: " + Arrays.toString(row));
                    assertFalse(text.contains(email), table + ": " + Arrays.toString(row));
                    assertFalse(text.contains(SANDBOX_LOGIN), table + ": " + Arrays.toString(row));
                    assertFalse(
                            text.contains(COMPANY_NAME) || text.contains("Jeanne"),
                            table + " holds a name: " + Arrays.toString(row));
                    assertFalse(text.contains("127.0.0.1"), table + " holds an address: " + Arrays.toString(row));
                    assertFalse(
                            text.contains("Apache-HttpClient"), table + " holds a user agent: " + Arrays.toString(row));
                }
            }
        }
    }

    private List<String> columns(String table) {
        return fixtures
                .rows(
                        "select upper(column_name) from information_schema.columns where upper(table_name) = upper(?1)"
                                + " order by 1",
                        table)
                .stream()
                .map(r -> (String) r[0])
                .toList();
    }

    @Test
    void theFunnelCountersAreExportedForPrometheus() {
        Browser browser = new Browser();
        browser.get("/");
        events.flush();
        String metrics = Management.get("/q/metrics");
        assertTrue(
                metrics.contains(
                        "portal_funnel_events_total{category=\"none\",platform=\"none\",step=\"landing_viewed\"}"),
                "landing counter");
    }

    // ----------------------------------------------------------------------------------------------

    private Map<String, Long> counts() {
        events.flush();
        return grouped(
                "select step, coalesce(category, ''), coalesce(platform, ''), count(*) from funnel_event group by step, category, platform");
    }

    private Map<String, Long> dailyCounts() {
        events.flush();
        return grouped(
                "select step, category, platform, sum(events) from funnel_daily group by step, category, platform");
    }

    private Map<String, Long> grouped(String sql) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : fixtures.rows(sql)) {
            counts.merge(row[0] + "|" + row[1] + "|" + row[2], ((Number) row[3]).longValue(), Long::sum);
        }
        return counts;
    }

    private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> difference = new TreeMap<>();
        after.forEach((key, count) -> {
            long added = count - before.getOrDefault(key, 0L);
            if (added != 0) {
                difference.put(key, added);
            }
        });
        return difference;
    }

    /** Chooses a platform, answers the sandbox's consent screen, and follows its redirect to the portal's callback. */
    private static Response connect(Browser browser, String platform, String decision) {
        browser.get("/connect/platforms/" + platform);
        Response start = browser.post("/connect/platforms/" + platform, Map.of("agree", "yes"));
        assertEquals(303, start.statusCode(), start.body().asString());
        Response consent = browser.get(path(start.header("Location")));
        assertEquals(200, consent.statusCode());
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(consent.body().asString());
        while (hidden.find()) {
            form.put(
                    hidden.group(1),
                    hidden.group(2)
                            .replace("&amp;", "&")
                            .replace("&quot;", "\"")
                            .replace("&#39;", "'"));
        }
        form.put("email", SANDBOX_LOGIN);
        form.put("password", "any password");
        form.put("decision", decision);
        Response back = browser.post("/sandbox/" + platform + "/oauth/authorize", form);
        assertEquals(303, back.statusCode(), back.body().asString());
        Response callback = browser.get(path(back.header("Location")));
        assertEquals(303, callback.statusCode(), callback.body().asString());
        return callback;
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
