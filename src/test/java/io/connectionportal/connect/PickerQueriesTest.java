package io.connectionportal.connect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;
import io.connectionportal.testing.SqlStatements;

/**
 * The picker reads the session and the company's connections, nothing else: its badges, the one-accounting rule and
 * the strength of what is connected come from that one read, the country of its popular platforms from the session.
 */
@QuarkusTest
class PickerQueriesTest {

    @Test
    void thePickerReadsTheSessionAndTheConnections() {
        Browser browser = new Browser();
        String email = browser.signUp("Picker Reads Co");
        SandboxJourney.connect(browser, "xero");
        Rows.execute(
                "update company set country = 'FR' where id = (select company_id from app_user where email = ?1)",
                email);

        List<String> statements = SqlStatements.of(browser, () -> {
            String page = browser.get("/connect/platforms")
                    .then()
                    .statusCode(200)
                    .extract()
                    .body()
                    .asString();
            assertTrue(page.contains("Popular platforms (France)"), "the profile's country, from the session");
            assertTrue(page.contains("You already connected an accounting platform."), "the rule, from the read");
        });

        assertTrue(statements.size() <= 2, "at most 2 statements:\n" + String.join("\n", statements));
    }
}
