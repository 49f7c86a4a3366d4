package io.connectionportal.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.connectionportal.platforms.Category;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;

/**
 * The monitor on a fixture with known counts, in a period of its own (2024-01-01 to 2024-03-24, twelve
 * whole weeks) so that the events other tests record today do not touch it: every figure of every
 * table on the page and in each CSV file, empty weeks included; and who may see it.
 */
@QuarkusTest
class MonitorTest {

    private static final String PERIOD = "from=2024-01-01&to=2024-03-24";
    private static final List<String> TABLES = List.of("companies", "funnel", "categories", "weekly", "platforms");
    /** Company ids of the fixture: opaque numbers far from the ones sign-ups get. */
    private static final long COMPANY = 9_100_000;

    private static boolean seeded;

    @Inject
    FunnelEvents events;

    @Inject
    AdminAccounts admins;

    @BeforeEach
    void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        // Started: 20 flows, every fourth day from 1 January; one just before the period, one just after.
        for (int i = 0; i < 20; i++) {
            record(FunnelStep.VALUE_EXCHANGE_VIEWED, null, null, null, "2024-01-01T00:00:00Z", i * 4 * 24);
        }
        record(FunnelStep.VALUE_EXCHANGE_VIEWED, null, null, null, "2023-12-31T23:59:59Z", 0);
        record(FunnelStep.VALUE_EXCHANGE_VIEWED, null, null, null, "2024-03-25T00:00:00Z", 0);
        record(FunnelStep.PLATFORM_SELECTED, Category.ACCOUNTING, "xero", null, "2024-03-25T00:00:00Z", 0);
        record(FunnelStep.AUTHORIZATION_COMPLETED, Category.ACCOUNTING, "xero", null, "2023-12-31T23:59:59Z", 0);
        record(FunnelStep.LANDING_VIEWED, null, null, null, "2024-01-10T09:00:00Z", 0);
        record(FunnelStep.CONSENT_GIVEN, Category.BANKING, null, null, "2024-01-10T09:00:00Z", 0);

        // Week by week (the Monday in brackets): authorizations begun and ended, and the company that completed.
        began("xero", "2024-01-02", 2); // (1 Jan)
        completed("xero", "2024-01-02", 1);
        record(FunnelStep.AUTHORIZATION_CANCELLED, Category.ACCOUNTING, "xero", null, "2024-01-03T12:00:00Z", 0);
        // (8 Jan) nothing
        began("quickbooks-online", "2024-01-16", 2); // (15 Jan)
        completed("quickbooks-online", "2024-01-16", 2);
        began("xero", "2024-01-24", 1); // (22 Jan)
        record(FunnelStep.AUTHORIZATION_FAILED, Category.ACCOUNTING, "xero", null, "2024-01-24T12:00:00Z", 0);
        began("xero", "2024-02-04", 1); // a Sunday, so (29 Jan)
        completed("xero", "2024-02-04", 3);
        // (5 Feb) nothing
        began("qonto", "2024-02-12", 1); // (12 Feb)
        completed("qonto", "2024-02-12", 4);
        began("xero", "2024-02-23", 1); // (19 Feb), by a company that signed up before the period
        completed("xero", "2024-02-23", 11);
        // (26 Feb) nothing
        began("xero", "2024-03-04", 1); // (4 Mar)
        // (11 Mar) nothing
        began("qonto", "2024-03-18", 3); // (18 Mar)
        completed("qonto", "2024-03-24", 2);
        completed("qonto", "2024-03-24", 1);
        record(FunnelStep.AUTHORIZATION_CANCELLED, Category.BANKING, "qonto", null, "2024-03-20T12:00:00Z", 0);

        // Companies: 1-10 signed up in the period, every sixth day; 1-4 authorized in it (above), 5 only
        // after it; 1, 6 and 7 uploaded in it (7 in its last second), 8 after it; 11 signed up before it.
        for (int c = 1; c <= 10; c++) {
            record(FunnelStep.SIGNED_UP, null, null, COMPANY + c, "2024-01-01T08:00:00Z", (c - 1) * 6 * 24);
        }
        record(FunnelStep.SIGNED_UP, null, null, COMPANY + 11, "2023-12-15T08:00:00Z", 0);
        record(FunnelStep.AUTHORIZATION_COMPLETED, Category.BANKING, "qonto", COMPANY + 5, "2024-04-10T08:00:00Z", 0);
        record(FunnelStep.FILE_UPLOADED, Category.ACCOUNTING, null, COMPANY + 1, "2024-03-01T08:00:00Z", 0);
        record(FunnelStep.FILE_UPLOADED, null, null, COMPANY + 6, "2024-03-02T08:00:00Z", 0);
        record(FunnelStep.FILE_UPLOADED, Category.BANKING, null, COMPANY + 7, "2024-03-24T23:59:59Z", 0);
        record(FunnelStep.FILE_UPLOADED, null, null, COMPANY + 8, "2024-05-01T08:00:00Z", 0);
    }

    private void began(String platform, String day, int times) {
        for (int i = 0; i < times; i++) {
            record(FunnelStep.PLATFORM_SELECTED, categoryOf(platform), platform, null, day + "T10:00:00Z", i);
        }
    }

    private void completed(String platform, String day, int company) {
        record(
                FunnelStep.AUTHORIZATION_COMPLETED,
                categoryOf(platform),
                platform,
                COMPANY + company,
                day + "T11:00:00Z",
                0);
    }

    private static Category categoryOf(String platform) {
        return "qonto".equals(platform) ? Category.BANKING : Category.ACCOUNTING;
    }

    private void record(FunnelStep step, Category category, String platform, Long company, String at, int plusHours) {
        events.record(step, category, platform, company, Instant.parse(at).plusSeconds(plusHours * 3600L));
    }

    // ----------------------------------------------------------------------------------------------

    @Test
    void everyFigureOnThePageIsExact() {
        Browser admin = MonitorFixtures.signedIn(MonitorFixtures.ADMIN);
        Response response = admin.get("/monitor?" + PERIOD);
        assertEquals(200, response.statusCode());
        String page = response.body().asString();

        assertTrue(page.contains("From 1 Jan 2024 to 24 Mar 2024"), "the period");
        assertEquals(
                List.of(
                        List.of("Companies", "Number", "Share"),
                        List.of("Signed up", "10", "100.0%"),
                        List.of("Authorized at least one connection", "4", "40.0%"),
                        List.of("Uploaded files", "3", "30.0%")),
                table(page, "companies"));
        assertEquals(
                List.of(
                        List.of("Step", "Count", "Share of started flows", "Drop-off", "Drop-off rate"),
                        List.of("Started the flow", "20", "100.0%", "Not applicable", "Not applicable"),
                        List.of("Began authorization", "12", "60.0%", "8", "40.0%"),
                        List.of("Completed authorization", "7", "35.0%", "5", "41.7%")),
                table(page, "funnel"));
        assertEquals(
                List.of(
                        List.of(
                                "Category",
                                "Started flows",
                                "Began",
                                "Share of started flows",
                                "Completed",
                                "Drop-off",
                                "Drop-off rate"),
                        List.of("Accounting", "20", "8", "40.0%", "4", "4", "50.0%"),
                        List.of("Banking", "20", "4", "20.0%", "3", "1", "25.0%"),
                        List.of("Commerce", "20", "0", "0.0%", "0", "0", "No data")),
                table(page, "categories"));
        assertEquals(
                List.of(
                        List.of("Week starting", "Began", "Completed", "Completion rate"),
                        List.of("1 Jan 2024", "2", "1", "50.0%"),
                        List.of("8 Jan 2024", "0", "0", "No data"),
                        List.of("15 Jan 2024", "2", "1", "50.0%"),
                        List.of("22 Jan 2024", "1", "0", "0.0%"),
                        List.of("29 Jan 2024", "1", "1", "100.0%"),
                        List.of("5 Feb 2024", "0", "0", "No data"),
                        List.of("12 Feb 2024", "1", "1", "100.0%"),
                        List.of("19 Feb 2024", "1", "1", "100.0%"),
                        List.of("26 Feb 2024", "0", "0", "No data"),
                        List.of("4 Mar 2024", "1", "0", "0.0%"),
                        List.of("11 Mar 2024", "0", "0", "No data"),
                        List.of("18 Mar 2024", "3", "2", "66.7%")),
                table(page, "weekly"));
        assertEquals(
                List.of(
                        List.of("Platform", "Category", "Began", "Completed", "Cancelled", "Failed", "Completion rate"),
                        List.of("Xero", "Accounting", "6", "3", "1", "1", "50.0%"),
                        List.of("Qonto", "Banking", "4", "3", "1", "0", "75.0%"),
                        List.of("QuickBooks Online", "Accounting", "2", "1", "0", "0", "50.0%")),
                table(page, "platforms"));

        // The chart: one bar per week with authorizations begun, none for the four empty weeks; 100% is 200 units high.
        assertTrue(page.contains("<title id=\"chart-title\">Completion rate per week</title>"));
        assertTrue(page.contains("the 12 weeks from 1 Jan 2024 to 24 Mar 2024"), "the chart's description");
        assertEquals(8, occurrences(page, "<rect class=\"chart-bar\""));
        assertEquals(4, occurrences(page, "chart-empty"));
        assertTrue(page.contains("width=\"28\" height=\"133\""), "66.7% is 133 units high");
        assertTrue(page.contains("width=\"28\" height=\"0\""), "0% has a bar of no height");

        // Every table can be downloaded for the same period.
        for (String table : TABLES) {
            assertTrue(page.contains("href=\"/monitor/" + table + ".csv?from=2024-01-01&amp;to=2024-03-24\""), table);
        }
        assertTrue(page.contains("href=\"/monitor\" aria-current=\"page\""), "the Monitor item in the navigation");
    }

    @Test
    void everyFigureInTheCsvFilesIsExact() {
        Browser admin = MonitorFixtures.signedIn(MonitorFixtures.ADMIN);
        assertEquals("""
                measure,companies,share_percent
                signed_up,10,100.0
                authorized,4,40.0
                uploaded,3,30.0
                """, csv(admin, "companies"));
        assertEquals("""
                step,count,share_of_started_percent,drop_off,drop_off_percent
                started,20,100.0,,
                began_authorization,12,60.0,8,40.0
                completed_authorization,7,35.0,5,41.7
                """, csv(admin, "funnel"));
        assertEquals("""
                category,started,began,began_share_of_started_percent,completed,drop_off,drop_off_percent
                accounting,20,8,40.0,4,4,50.0
                banking,20,4,20.0,3,1,25.0
                commerce,20,0,0.0,0,0,
                """, csv(admin, "categories"));
        assertEquals("""
                week_start,week_end,began,completed,completion_rate_percent
                2024-01-01,2024-01-07,2,1,50.0
                2024-01-08,2024-01-14,0,0,
                2024-01-15,2024-01-21,2,1,50.0
                2024-01-22,2024-01-28,1,0,0.0
                2024-01-29,2024-02-04,1,1,100.0
                2024-02-05,2024-02-11,0,0,
                2024-02-12,2024-02-18,1,1,100.0
                2024-02-19,2024-02-25,1,1,100.0
                2024-02-26,2024-03-03,0,0,
                2024-03-04,2024-03-10,1,0,0.0
                2024-03-11,2024-03-17,0,0,
                2024-03-18,2024-03-24,3,2,66.7
                """, csv(admin, "weekly"));
        assertEquals("""
                platform,name,category,began,completed,cancelled,failed,completion_rate_percent
                xero,Xero,accounting,6,3,1,1,50.0
                qonto,Qonto,banking,4,3,1,0,75.0
                quickbooks-online,QuickBooks Online,accounting,2,1,0,0,50.0
                """, csv(admin, "platforms"));

        Response file = admin.get("/monitor/weekly.csv?" + PERIOD);
        assertEquals("text/csv;charset=UTF-8", file.contentType().replace(" ", ""));
        assertEquals(
                "attachment; filename=\"monitor-weekly-2024-01-01-2024-03-24.csv\"",
                file.header("Content-Disposition"));
        assertEquals(404, admin.get("/monitor/secrets.csv?" + PERIOD).statusCode());
    }

    private static String csv(Browser browser, String table) {
        Response response = browser.get("/monitor/" + table + ".csv?" + PERIOD);
        assertEquals(200, response.statusCode(), table);
        return response.body().asString().replace("\r\n", "\n");
    }

    @Test
    void aShorterPeriodFiltersTheFiguresAndStillChartsTwelveWeeks() {
        Browser admin = MonitorFixtures.signedIn(MonitorFixtures.ADMIN);
        String page = admin.get("/monitor?from=2024-03-11&to=2024-03-24").body().asString();
        // Flows started on 13 and 17 March; three begun on the 18th, two completed on the 24th. A step
        // with more events than the one before (flows started earlier) loses nothing, and its share stops at 100%.
        assertEquals(
                List.of(
                        List.of("Step", "Count", "Share of started flows", "Drop-off", "Drop-off rate"),
                        List.of("Started the flow", "2", "100.0%", "Not applicable", "Not applicable"),
                        List.of("Began authorization", "3", "100.0%", "0", "0.0%"),
                        List.of("Completed authorization", "2", "100.0%", "1", "33.3%")),
                table(page, "funnel"));
        assertEquals(
                List.of("Qonto", "Banking", "3", "2", "1", "0", "66.7%"),
                table(page, "platforms").get(1));
        assertEquals(2, table(page, "platforms").size(), "only Qonto had authorizations in those two weeks");
        assertEquals(13, table(page, "weekly").size(), "a header and twelve weeks");
        assertEquals(
                List.of("1 Jan 2024", "2", "1", "50.0%"), table(page, "weekly").get(1));
        assertEquals(
                List.of("Signed up", "0", "No data"), table(page, "companies").get(1));
    }

    @Test
    void aBadPeriodIsExplainedWithA400() {
        Browser admin = MonitorFixtures.signedIn(MonitorFixtures.ADMIN);
        Response notADate = admin.get("/monitor?from=2024-02-30&to=2024-03-24");
        assertEquals(400, notADate.statusCode());
        String page = notADate.body().asString();
        assertTrue(page.contains("class=\"error-summary\""), "error summary");
        assertTrue(page.contains("Enter the start date as a date, for example 2026-01-31"));
        assertTrue(page.contains("value=\"2024-02-30\""), "the value entered is kept");
        assertTrue(page.contains("<title>Error:"), "the title says there is an error");

        Response backwards = admin.get("/monitor?from=2024-03-24&to=2024-01-01");
        assertEquals(400, backwards.statusCode());
        assertTrue(backwards.body().asString().contains("The start date must be on or before the end date"));
        assertEquals(400, admin.get("/monitor/funnel.csv?from=yesterday").statusCode());
    }

    @Test
    void theDefaultPeriodIsTheTwelveWeeksUpToToday() {
        Browser admin = MonitorFixtures.signedIn(MonitorFixtures.ADMIN);
        // Today before and after the request: at midnight (UTC) the two differ, and the page has either.
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        Response response = admin.get("/monitor");
        LocalDate after = LocalDate.now(ZoneOffset.UTC);
        assertEquals(200, response.statusCode());
        String page = response.body().asString();
        assertTrue(
                Stream.of(before, after)
                        .anyMatch(today -> page.contains("href=\"/monitor/funnel.csv?from="
                                + DateRange.defaultFor(today).from() + "&amp;to=" + today + "\"")),
                "the twelve weeks up to " + after);
    }

    @Test
    void frenchReadersGetFrenchFigures() {
        Browser admin = MonitorFixtures.signedIn(MonitorFixtures.ADMIN, "fr");
        String page = admin.get("/monitor?" + PERIOD).body().asString();
        List<List<String>> funnel = table(page, "funnel");
        assertEquals("Autorisation accordée", funnel.get(3).get(0));
        assertEquals("41,7\u202f%", funnel.get(3).get(4).replace('\u00a0', '\u202f'));
    }

    @Test
    void onlyAdminsSeeTheMonitorAndItsFiles() {
        Browser owner = new Browser();
        owner.signUp("Not An Admin Co");
        Response page = owner.get("/monitor?" + PERIOD);
        assertEquals(403, page.statusCode());
        assertTrue(page.body().asString().contains("This page is for administrators"));
        assertTrue(
                !owner.get("/connect").body().asString().contains("href=\"/monitor\""), "no Monitor item for others");
        for (String table : TABLES) {
            assertEquals(403, owner.get("/monitor/" + table + ".csv?" + PERIOD).statusCode(), table);
        }

        Browser anonymous = new Browser();
        Response login = anonymous.get("/monitor?" + PERIOD);
        assertEquals(303, login.statusCode());
        assertTrue(login.header("Location").contains("/login?next=%2Fmonitor"), login.header("Location"));
        for (String table : TABLES) {
            Response csv = anonymous.get("/monitor/" + table + ".csv?" + PERIOD);
            assertEquals(303, csv.statusCode(), table);
            assertTrue(csv.header("Location").contains("/login?next="), table);
        }
    }

    @Test
    void configuredAccountsBecomeAdminsAtStartUpToo() {
        MonitorFixtures.signedIn(MonitorFixtures.ADMIN);
        assertEquals("admin", Rows.single("select role from app_user where email = ?1", MonitorFixtures.ADMIN));
        Rows.execute("update app_user set role = 'owner' where email = ?1", MonitorFixtures.ADMIN);
        assertEquals(1, admins.promoteConfigured());
        assertEquals("admin", Rows.single("select role from app_user where email = ?1", MonitorFixtures.ADMIN));
        assertEquals(0, admins.promoteConfigured(), "nothing left to change");
    }

    // ----------------------------------------------------------------------------------------------

    private static final Pattern ROW = Pattern.compile("(?s)<tr>(.*?)</tr>");
    private static final Pattern CELL = Pattern.compile("(?s)<t[hd][^>]*>(.*?)</t[hd]>");

    /** The table with this id as rows of cell texts, the header row first. */
    static List<List<String>> table(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertTrue(start > 0, "no table " + id);
        String html = page.substring(start, page.indexOf("</table>", start));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1)
                        .replaceAll("<[^>]*>", "")
                        .replace("&amp;", "&")
                        .replace("&#39;", "'")
                        .replaceAll("\\s+", " ")
                        .strip());
            }
            rows.add(cells);
        }
        return rows;
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }
}
