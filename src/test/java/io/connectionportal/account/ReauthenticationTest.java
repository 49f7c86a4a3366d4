package io.connectionportal.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.LogCapture;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/**
 * Deleting a connection and exporting the company's data ask for the password again; the answer holds ten minutes
 * in that session only, and wrong answers count against the sign-in limits.
 */
@QuarkusTest
class ReauthenticationTest {

    @Test
    void deletingAConnectionAsksForThePasswordThenReturnsToTheConfirmationPage() {
        Browser browser = new Browser();
        browser.signUp("Careful Co");
        long id = SandboxJourney.connect(browser, "xero");
        String deletePage = "/connections/" + id + "/delete";

        browser.get(deletePage)
                .then()
                .statusCode(303)
                .header("Location", endsWith("/account/confirm?next=%2Fconnections%2F" + id + "%2Fdelete"));
        browser.get("/connections/" + id);
        browser.post(deletePage, Map.of())
                .then()
                .statusCode(303)
                .header("Location", containsString("/account/confirm"));
        assertEquals(1, Rows.count("connection", "id = ?1", id), "nothing deleted without the password");

        browser.get("/account/confirm?next=%2Fconnections%2F" + id + "%2Fdelete")
                .then()
                .statusCode(200)
                .body(containsString("Confirm it is you"))
                .body(containsString("value=\"/connections/" + id + "/delete\""));
        browser.post("/account/confirm", Map.of("password", Browser.PASSWORD, "next", deletePage))
                .then()
                .statusCode(303)
                .header("Location", endsWith(deletePage));
        browser.get(deletePage).then().statusCode(200).body(containsString("action=\"" + deletePage + "\""));
        browser.post(deletePage, Map.of()).then().statusCode(303).header("Location", endsWith("/connections"));
        assertEquals(0, Rows.count("connection", "id = ?1", id));
    }

    @Test
    void exportingAsksForThePasswordAndAWrongOneIsRefusedAndLogged() {
        Browser browser = new Browser();
        String email = browser.signUp("Exporting Co");
        long userId = ((Number) Rows.single("select id from app_user where email = ?1", email)).longValue();

        browser.get("/connections/export")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/account/confirm?next=%2Fconnections%2Fexport"));
        browser.get("/connections/export/invoices.csv").then().statusCode(303);

        browser.get("/account/confirm?next=%2Fconnections%2Fexport");
        try (LogCapture log = new LogCapture()) {
            browser.post("/account/confirm", Map.of("password", "not my password", "next", "/connections/export"))
                    .then()
                    .statusCode(401)
                    .body(containsString("The password is not right"))
                    .body(containsString("value=\"/connections/export\""));
            browser.post("/account/confirm", Map.of("password", "", "next", "/connections/export"))
                    .then()
                    .statusCode(400)
                    .body(containsString("Enter your password"));
            assertEquals(
                    1,
                    log.linesContaining("security event=reauthentication outcome=refused")
                            .size());
            browser.post("/account/confirm", Map.of("password", Browser.PASSWORD, "next", "/connections/export"))
                    .then()
                    .statusCode(303)
                    .header("Location", endsWith("/connections/export"));
            assertEquals(
                    1,
                    log.linesContaining("security event=reauthentication outcome=allowed account=" + userId)
                            .size());
        }
        browser.get("/connections/export").then().statusCode(200);
    }

    @Test
    void theConfirmationHoldsTenMinutesInThisSessionOnly() {
        Browser laptop = new Browser();
        String email = laptop.signUp("Ten Minutes Co");
        Browser phone = new Browser();
        phone.submit("/login", "/login", Map.of("email", email, "password", Browser.PASSWORD));

        laptop.confirmPassword();
        laptop.get("/connections/export").then().statusCode(200);
        phone.get("/connections/export").then().statusCode(303);

        Rows.execute(
                "update user_session set reauthenticated_at = ?1 where reauthenticated_at is not null and user_id ="
                        + " (select id from app_user where email = ?2)",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(11),
                email);
        laptop.get("/connections/export").then().statusCode(303);
    }

    @Test
    void anotherCompanysConnectionIsNotFoundBeforeAnyPasswordIsAsked() {
        Browser owner = new Browser();
        owner.signUp("Owner Co");
        long id = SandboxJourney.connect(owner, "xero");
        Browser other = new Browser();
        other.signUp("Other Co");

        other.get("/connections/" + id + "/delete").then().statusCode(404);
        other.get("/connections");
        other.post("/connections/" + id + "/delete", Map.of()).then().statusCode(404);
        other.confirmPassword();
        other.post("/connections/" + id + "/delete", Map.of()).then().statusCode(404);
        assertEquals(1, Rows.count("connection", "id = ?1", id));
    }

    @Test
    void theConfirmationPageNeverReturnsOffSite() {
        Browser browser = new Browser();
        browser.signUp("Safe Co");
        browser.get("/account/confirm?next=https%3A%2F%2Fevil.example%2F");
        browser.post("/account/confirm", Map.of("password", Browser.PASSWORD, "next", "https://evil.example/"))
                .then()
                .statusCode(303)
                .header("Location", endsWith("/account"));
    }
}
