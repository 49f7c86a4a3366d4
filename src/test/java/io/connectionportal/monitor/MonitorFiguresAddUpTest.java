package io.connectionportal.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.connectionportal.platforms.Category;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/**
 * The monitor's figures add up (issue 13, point 15): a reconnect counts its begin as well as its completion, a
 * company that opens the flow three times in a day started one flow, and no rate on the page passes 100%, even
 * in a period that holds completions of flows begun before it. The seeded events sit in May 2023, a period of
 * their own.
 */
@QuarkusTest
class MonitorFiguresAddUpTest {

    private static final String PERIOD = "from=2023-05-01&to=2023-05-28";
    private static final long COMPANY = 9_300_000;
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d)?)%");

    private static boolean seeded;

    @Inject
    FunnelEvents events;

    @Inject
    MonitorFixtures fixtures;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        // Company 1 opens the value-exchange page three times on 2 May and once on 3 May; company 2 once on 2 May.
        record(FunnelStep.VALUE_EXCHANGE_VIEWED, null, null, COMPANY + 1, "2023-05-02T08:00:00Z");
        record(FunnelStep.VALUE_EXCHANGE_VIEWED, null, null, COMPANY + 1, "2023-05-02T09:30:00Z");
        record(FunnelStep.VALUE_EXCHANGE_VIEWED, null, null, COMPANY + 1, "2023-05-02T17:45:00Z");
        record(FunnelStep.VALUE_EXCHANGE_VIEWED, null, null, COMPANY + 1, "2023-05-03T08:00:00Z");
        record(FunnelStep.VALUE_EXCHANGE_VIEWED, null, null, COMPANY + 2, "2023-05-02T10:00:00Z");
        // Xero: two begun in the period, five completed (three of flows begun in April), so more completed than begun.
        record(FunnelStep.PLATFORM_SELECTED, Category.ACCOUNTING, "xero", COMPANY + 1, "2023-04-28T10:00:00Z");
        record(FunnelStep.PLATFORM_SELECTED, Category.ACCOUNTING, "xero", COMPANY + 1, "2023-04-29T10:00:00Z");
        record(FunnelStep.PLATFORM_SELECTED, Category.ACCOUNTING, "xero", COMPANY + 1, "2023-04-30T10:00:00Z");
        record(FunnelStep.PLATFORM_SELECTED, Category.ACCOUNTING, "xero", COMPANY + 1, "2023-05-08T10:00:00Z");
        record(FunnelStep.PLATFORM_SELECTED, Category.ACCOUNTING, "xero", COMPANY + 2, "2023-05-08T11:00:00Z");
        for (int i = 0; i < 5; i++) {
            record(
                    FunnelStep.AUTHORIZATION_COMPLETED,
                    Category.ACCOUNTING,
                    "xero",
                    COMPANY + 1,
                    "2023-05-09T10:00:00Z");
        }
        // Qonto: one begun, one completed.
        record(FunnelStep.PLATFORM_SELECTED, Category.BANKING, "qonto", COMPANY + 2, "2023-05-15T10:00:00Z");
        record(FunnelStep.AUTHORIZATION_COMPLETED, Category.BANKING, "qonto", COMPANY + 2, "2023-05-15T10:05:00Z");
    }

    private void record(FunnelStep step, Category category, String platform, Long company, String at) {
        events.record(step, category, platform, company, Instant.parse(at));
    }

    @Test
    void aCompanyStartingThreeTimesInOneDayStartedOneFlow() {
        Browser admin = MonitorFixtures.signedIn(MonitorFixtures.ADMIN);
        String page = admin.get("/monitor?" + PERIOD).body().asString();
        // Company 1 on 2 May and on 3 May, company 2 on 2 May: three flows, not five page views.
        assertEquals(
                List.of("Started the flow", "3", "100.0%", "Not applicable", "Not applicable"),
                MonitorTest.table(page, "funnel").get(1));
        assertTrue(page.contains("counted once per company a day"), "the page says what it counts");
        assertEquals("3", MonitorTest.table(page, "categories").get(1).get(1));
    }

    @Test
    void aBusinessReopeningTheValueExchangePageTodayStartsOneFlow() {
        Browser browser = new Browser();
        browser.signUp("Monitor Revisit Co");
        long before = daily("VALUE_EXCHANGE_VIEWED", "");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, browser.get("/connect").statusCode());
        }
        assertEquals(1, daily("VALUE_EXCHANGE_VIEWED", "") - before, "three views, one flow started today");
    }

    @Test
    void noRateOnThePageExceedsAHundredPercent() {
        Browser admin = MonitorFixtures.signedIn(MonitorFixtures.ADMIN);
        String page = admin.get("/monitor?" + PERIOD).body().asString();
        List<List<String>> platforms = MonitorTest.table(page, "platforms");
        // The counts stay as they were recorded; only the rate is capped.
        assertEquals(List.of("Xero", "Accounting", "2", "5", "0", "0", "100.0%"), platforms.get(1));
        assertEquals(List.of("Qonto", "Banking", "1", "1", "0", "0", "100.0%"), platforms.get(2));
        for (String table : List.of("companies", "funnel", "categories", "weekly", "platforms")) {
            for (List<String> row : MonitorTest.table(page, table)) {
                for (String cell : row) {
                    Matcher percent = PERCENT.matcher(cell);
                    while (percent.find()) {
                        assertTrue(
                                new BigDecimal(percent.group(1)).compareTo(BigDecimal.valueOf(100)) <= 0,
                                table + ": " + row);
                    }
                }
            }
        }
        String csv = admin.get("/monitor/platforms.csv?" + PERIOD).body().asString();
        assertTrue(csv.contains("xero,Xero,accounting,2,5,0,0,100.0"), csv);
    }

    @Test
    void aReconnectCountsItsBeginAsWellAsItsCompletion() {
        Browser browser = new Browser();
        browser.signUp("Monitor Reconnect Co");
        long id = SandboxJourney.connect(browser, "xero");
        Rows.execute("update connection set status = 'REAUTH_REQUIRED' where id = ?1", id);
        long began = daily("PLATFORM_SELECTED", "xero");
        long completed = daily("AUTHORIZATION_COMPLETED", "xero");

        Response back = SandboxJourney.reconnect(browser, id, "xero", SandboxJourney.ALLOW);
        assertTrue(back.header("Location").endsWith("/connections/" + id), back.header("Location"));

        assertEquals(1, daily("PLATFORM_SELECTED", "xero") - began, "the reconnect began an authorization");
        assertEquals(1, daily("AUTHORIZATION_COMPLETED", "xero") - completed, "and completed it");
    }

    /** The daily counts the monitor reads, summed over every day, for one step and platform. */
    private long daily(String step, String platform) {
        events.flush();
        Object sum = fixtures.rows(
                        "select coalesce(sum(events), 0) from funnel_daily where step = ?1 and platform = ?2",
                        step,
                        platform)
                .get(0)[0];
        return ((Number) sum).longValue();
    }
}
