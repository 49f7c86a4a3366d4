package io.connectionportal.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.LogCapture;
import io.connectionportal.testing.Rows;

/** "Sign out everywhere" on the account page ends every session of the account at once, and no one else's. */
@QuarkusTest
class SignOutEverywhereTest {

    @Test
    void theAccountPageCountsTheBrowsersAndSigningOutEverywhereEndsThemAll() {
        Browser laptop = new Browser();
        String email = laptop.signUp("Everywhere Co");
        Browser phone = new Browser();
        phone.submit("/login", "/login", Map.of("email", email, "password", Browser.PASSWORD))
                .then()
                .statusCode(303);
        Browser colleagueElsewhere = new Browser();
        colleagueElsewhere.signUp("Untouched Co");
        long userId = ((Number) Rows.single("select id from app_user where email = ?1", email)).longValue();

        laptop.get("/account")
                .then()
                .statusCode(200)
                .body(containsString(email))
                .body(containsString("You are signed in on 2 browsers or devices"))
                .body(containsString("action=\"/account/sign-out-everywhere\""));

        try (LogCapture log = new LogCapture()) {
            var signedOut = laptop.post("/account/sign-out-everywhere", Map.of());
            signedOut.then().statusCode(303).header("Location", endsWith("/login"));
            assertTrue(signedOut.headers().getValues("Set-Cookie").stream()
                    .anyMatch(c -> c.startsWith("cp_session=;") && c.contains("Max-Age=0")));
            assertEquals(
                    1,
                    log.linesContaining("security event=sign_out_everywhere outcome=allowed account=" + userId)
                            .size());
        }

        assertEquals(0, Rows.count("user_session", "user_id = ?1", userId));
        phone.get("/connections").then().statusCode(303);
        laptop.get("/login").then().statusCode(200).body(containsString("You are signed out everywhere"));
        colleagueElsewhere.get("/connections").then().statusCode(200);
    }

    @Test
    void signingOutEverywhereNeedsTheFormToken() {
        Browser browser = new Browser();
        String email = browser.signUp("Forged Co");
        browser.get("/account");
        browser.post("/account/sign-out-everywhere", Map.of("csrf-token", "forged"))
                .then()
                .statusCode(400);
        assertTrue(Rows.count("user_session", "user_id = (select id from app_user where email = ?1)", email) > 0);
    }

    @Test
    void theAccountPageNeedsSigningIn() {
        new Browser().get("/account").then().statusCode(303).header("Location", endsWith("/login?next=%2Faccount"));
    }
}
