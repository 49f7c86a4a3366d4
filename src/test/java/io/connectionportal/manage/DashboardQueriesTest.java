package io.connectionportal.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SqlStatements;

/**
 * The connections page runs the same SQL statements for 2 connections as for 40: no N+1. Only the
 * statements of the page's own request are counted ({@link SqlStatements}), whatever runs meanwhile.
 */
@QuarkusTest
class DashboardQueriesTest {

    private static final String[] PLATFORMS = {
        "qonto", "shine", "revolut-business", "wise-business", "stripe", "shopify"
    };

    private static Browser companyWith(int connections) {
        Browser browser = new Browser();
        String email = browser.signUp("Dashboard " + connections + " Co");
        long company = ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
        for (int i = 0; i < connections; i++) {
            String platform = PLATFORMS[i % PLATFORMS.length];
            // Linked minutes ago, not days: the sync schedule (when a test runs it) has nothing to queue for them.
            Rows.execute(
                    "insert into connection (company_id, platform_key, category, status, sandbox, created_at, linked_at, connected_by) "
                            + "values (?1, ?2, ?3, 'LINKED', true, ?4, ?4, ?5)",
                    company,
                    platform,
                    platform.equals("stripe") || platform.equals("shopify") ? "COMMERCE" : "BANKING",
                    OffsetDateTime.now().minusMinutes(i),
                    email);
        }
        return browser;
    }

    @Test
    void theDashboardDoesNotQueryPerConnection() {
        Browser two = companyWith(2);
        Browser forty = companyWith(40);
        two.get("/connections");
        forty.get("/connections");

        List<String> withTwo =
                SqlStatements.of(two, () -> two.get("/connections").then().statusCode(200));
        List<String> withForty = SqlStatements.of(forty, () -> {
            String page = forty.get("/connections")
                    .then()
                    .statusCode(200)
                    .extract()
                    .body()
                    .asString();
            assertEquals(40, page.split("class=\"card connection-card\"").length - 1);
        });
        assertFalse(withTwo.isEmpty(), "statements are counted");
        assertEquals(
                withTwo.size(),
                withForty.size(),
                "same statements for 2 and 40 connections:\n" + String.join("\n", withTwo) + "\n---\n"
                        + String.join("\n", withForty));
        // The session, the connections (which the layout's broken-connection banner reads too), their summaries and
        // counts (one read shaped for the page), the files and the data reads.
        assertTrue(withForty.size() <= 5, "at most 5 statements:\n" + String.join("\n", withForty));
    }
}
