package io.connectionportal.manage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.SandboxJourney;
import io.connectionportal.testing.SqlStatements;

/** What a connection's page reads: one statement for each thing it shows, the connection read once. */
@QuarkusTest
class ConnectionPageQueriesTest {

    @Test
    void theConnectionPageReadsAFewRows() {
        Browser business = new Browser();
        business.signUp("Connection Page Reads Co");
        long connection = SandboxJourney.connect(business, "xero");
        business.get("/connections/" + connection);

        List<String> statements = SqlStatements.of(
                business,
                () -> business.get("/connections/" + connection).then().statusCode(200));
        // The session, the company's connections (the page's own and the layout's reconnect banner), its revocation,
        // its audit trail and the company's consents, its runs, its summary, its data reads, its organisation choices.
        assertTrue(statements.size() <= 9, "at most 9 statements:\n" + String.join("\n", statements));
    }
}
