package io.connectionportal.audit;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;
import io.connectionportal.testing.SqlStatements;

/** The company's activity page: its whole trail, deleted connections included, and never another company's. */
@QuarkusTest
class ActivityPageTest {

    private static final Pattern ITEM = Pattern.compile("<li>\\s*<strong>");

    private static long companyOf(String email) {
        return ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
    }

    @Test
    void aDeletedConnectionsRecordIsShownNewestFirstAsTheDeletePagePromises() {
        Browser browser = new Browser();
        String email = browser.signUp("Activity Co");
        long id = SandboxJourney.connect(browser, "xero");

        browser.confirmPassword();
        browser.get("/connections/" + id + "/delete").then().body(containsString("href=\"/activity\""));
        browser.post("/connections/" + id + "/delete", Map.of()).then().statusCode(303);

        String page = browser.get("/activity").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Xero, connection " + id), page);
        int deleted = page.indexOf("Deleted with its data");
        int connected = page.indexOf("Connected</strong>");
        int consent = page.indexOf("Consent given");
        assertTrue(deleted > 0 && connected > deleted && consent > connected, "newest first");
        assertTrue(page.contains("by " + email));
        assertTrue(page.contains("Kinds of data: Accounting"));
        browser.get("/connections").then().body(containsString("href=\"/activity\""));
        browser.get("/account").then().body(containsString("href=\"/activity\""));
    }

    @Test
    void anotherCompanysEventsAreNeverShown() {
        Browser other = new Browser();
        String otherEmail = other.signUp("Activity Other Co");
        SandboxJourney.connect(other, "qonto");

        Browser browser = new Browser();
        browser.signUp("Activity Mine Co");
        SandboxJourney.connect(browser, "xero");

        String mine = browser.get("/activity").asString();
        assertTrue(mine.contains("Xero"));
        assertTrue(!mine.contains("Qonto") && !mine.contains(otherEmail), "nothing of the other company");
        String theirs = other.get("/activity").asString();
        assertTrue(!theirs.contains("Xero"));
        // A cursor from another company's trail shows only this company's older events.
        long otherNewest = ((Number)
                        Rows.single("select max(id) from audit_event where company_id = ?1", companyOf(otherEmail)))
                .longValue();
        assertTrue(
                !browser.get("/activity?before=" + (otherNewest + 1)).asString().contains("Qonto"));
        new Browser().get("/activity").then().statusCode(303);
    }

    @Test
    void olderEventsArePagedByACursorAndAPageViewWritesNothing() {
        Browser browser = new Browser();
        String email = browser.signUp("Activity Paged Co");
        long company = companyOf(email);
        for (int i = 0; i < 60; i++) {
            Rows.execute(
                    "insert into audit_event (company_id, connection_id, platform_key, type, actor, occurred_at, detail)"
                            + " values (?1, null, null, 'CONSENT_GIVEN', ?2, ?3, 'banking')",
                    company,
                    email,
                    OffsetDateTime.parse("2026-01-01T00:00:00Z").plusMinutes(i));
        }

        List<String> statements =
                SqlStatements.of(browser, () -> browser.get("/activity").then().statusCode(200));
        assertTrue(
                statements.stream()
                        .map(String::toLowerCase)
                        .noneMatch(s -> s.startsWith("insert")
                                || s.startsWith("update")
                                || s.startsWith("delete")
                                || s.startsWith("merge")),
                statements.toString());
        String first = browser.get("/activity").asString();
        assertEquals(50, count(first));
        Matcher older = Pattern.compile("href=\"/activity\\?before=(\\d+)\"").matcher(first);
        assertTrue(older.find(), "a link to older events");
        assertTrue(!first.contains(">Newest events<"));

        String second = browser.get("/activity?before=" + older.group(1)).asString();
        assertEquals(60 - 50, count(second));
        assertTrue(second.contains("href=\"/activity\">Newest events"));
        assertTrue(!second.contains("href=\"/activity?before="), "no older page");
        browser.get("/activity?before=abc").then().statusCode(404);
    }

    private static int count(String page) {
        Matcher items = ITEM.matcher(page);
        int n = 0;
        while (items.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theActivityPageIsOnlyForTheSignedIn() {
        new Browser().get("/activity").then().statusCode(303).header("Location", containsString("/login"));
    }
}
