package io.connectionportal.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/** Tenant isolation: company B gets 404 on every management route with company A's ids, and nothing changes. */
@QuarkusTest
class ManageIsolationTest {

    /** Everything about A's connection that B must not be able to change. */
    private static List<Object> snapshot(long id, long company) {
        return List.of(
                Rows.count("connection", "id = ?1", id),
                String.valueOf(Rows.single("select status from connection where id = ?1", id)),
                String.valueOf(Rows.single("select access_token_enc from connection where id = ?1", id)),
                String.valueOf(Rows.single("select refresh_token_enc from connection where id = ?1", id)),
                String.valueOf(Rows.single("select linked_at from connection where id = ?1", id)),
                Rows.count("authorization_attempt", "connection_id = ?1", id),
                Rows.count("audit_event", "company_id = ?1", company),
                Rows.count("revocation", "company_id = ?1", company),
                Rows.count(Stored.DATASET, "connection_id = ?1", id));
    }

    private static void assertAllNotFound(Browser b, long id) {
        b.get("/connections");
        for (String path : List.of("", "/deauthorize", "/delete")) {
            assertEquals(404, b.get("/connections/" + id + path).statusCode(), "GET " + path);
        }
        for (String path : List.of("/deauthorize", "/delete", "/reconnect")) {
            assertEquals(
                    404,
                    b.post("/connections/" + id + path, Map.of("agree", "yes")).statusCode(),
                    "POST " + path);
        }
    }

    @Test
    void anotherCompanysConnectionsAreNotFoundAndStayUntouched() {
        Browser a = new Browser();
        String emailA = a.signUp("Isolation A Co");
        long companyA = Stored.companyOf(emailA);
        long linked = SandboxJourney.connect(a, "xero");
        long deauthorized = SandboxJourney.connect(a, "qonto");
        Stored.syncedData(linked);
        Stored.syncedData(deauthorized);
        a.get("/connections/" + deauthorized + "/deauthorize");
        a.post("/connections/" + deauthorized + "/deauthorize", Map.of()).then().statusCode(303);
        String access = Stored.accessToken(linked);

        Browser b = new Browser();
        b.signUp("Isolation B Co");
        SandboxJourney.connect(b, "xero");

        for (long id : List.of(linked, deauthorized)) {
            List<Object> before = snapshot(id, companyA);
            assertAllNotFound(b, id);
            assertEquals(before, snapshot(id, companyA), "connection " + id + " changed");
        }
        assertEquals(200, SandboxJourney.dataApiStatus("xero", access), "A's access still works");
        assertEquals(404, b.get("/connections/999999999").statusCode());
        assertEquals(404, b.get("/connections/not-a-number").statusCode());
    }
}
