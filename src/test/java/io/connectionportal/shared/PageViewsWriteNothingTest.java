package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Locale;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.SandboxJourney;
import io.connectionportal.testing.SqlStatements;

/**
 * A page view reads and never writes: no funnel event, session touch or counter is written while the page is
 * answered (the funnel is buffered, the session's last use is written at most once a minute). Only the statements of
 * the views themselves are counted, not what a sync or a flush runs meanwhile.
 */
@QuarkusTest
class PageViewsWriteNothingTest {

    @Test
    void viewingThePortalsPagesWritesNothing() {
        Browser visitor = new Browser();
        List<String> publicPages = List.of("/", "/faq", "/privacy", "/signup", "/login");
        publicPages.forEach(visitor::get);
        // A visitor's pages need no database at all.
        assertEquals(List.of(), statements(visitor, publicPages));

        Browser business = new Browser();
        business.signUp("Quiet Views Co");
        long connection = SandboxJourney.connect(business, "xero");
        List<String> businessPages = List.of(
                "/connect",
                "/connect/platforms",
                "/connect/platforms?q=quikbooks",
                "/connections",
                "/connections/" + connection,
                "/company");
        businessPages.forEach(business::get);
        assertReadsOnly(business, businessPages);
    }

    private static void assertReadsOnly(Browser browser, List<String> pages) {
        List<String> statements = statements(browser, pages);
        assertFalse(statements.isEmpty(), "statements are counted");
        List<String> writes = statements.stream()
                .filter(sql -> sql.strip().toLowerCase(Locale.ROOT).matches("^(insert|update|merge|delete)\\b.*"))
                .toList();
        assertEquals(List.of(), writes, "writes while viewing " + pages);
    }

    private static List<String> statements(Browser browser, List<String> pages) {
        return SqlStatements.of(
                browser, () -> pages.forEach(page -> browser.get(page).then().statusCode(200)));
    }
}
