package io.connectionportal.account;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.LogCapture;
import io.connectionportal.testing.Rows;

/** Changing the password from the account page: asked again first, the rule applied, the other sessions ended. */
@QuarkusTest
class ChangePasswordTest {

    private static final String NEW_PASSWORD = "orchards of pale winter apples";

    @Test
    void theAccountPageLinksToIt() {
        Browser browser = new Browser();
        browser.signUp("Linked Co");
        browser.get("/account").then().statusCode(200).body(containsString("href=\"/account/password\""));
    }

    @Test
    void thePasswordIsAskedAgainBeforeTheFormAndBeforeTheChange() {
        Browser browser = new Browser();
        String email = browser.signUp("Asked Again Co");

        browser.get("/account/password")
                .then()
                .statusCode(303)
                .header("Location", containsString("/account/confirm?next=%2Faccount%2Fpassword"));
        // A POST without the password asked again, with a valid form token (the account page's), changes nothing.
        Response post = browser.submit("/account", "/account/password", Map.of("password", NEW_PASSWORD));
        assertEquals(303, post.statusCode());
        assertTrue(post.header("Location").contains("/account/confirm"), post.header("Location"));
        assertEquals(303, signIn(email, Browser.PASSWORD).statusCode(), "nothing changed");

        browser.confirmPassword();
        browser.get("/account/password").then().statusCode(200).body(containsString("autocomplete=\"new-password\""));
    }

    @Test
    void aNewPasswordEndsEveryOtherSessionAndKeepsThisOne() {
        Browser browser = new Browser();
        String email = browser.signUp("Changed Co");
        long userId = ((Number) Rows.single("select id from app_user where email = ?1", email)).longValue();
        Browser laptop = browserAt(address());
        laptop.submit("/login", "/login", Map.of("email", email, "password", Browser.PASSWORD))
                .then()
                .statusCode(303);
        browser.confirmPassword();

        Response changed;
        try (LogCapture log = new LogCapture()) {
            changed = browser.submit("/account/password", "/account/password", Map.of("password", NEW_PASSWORD));
            List<String> lines =
                    log.linesContaining("security event=password_change outcome=allowed account=" + userId);
            assertEquals(1, lines.size(), lines.toString());
            assertFalse(log.anyContains(NEW_PASSWORD));
            assertFalse(log.anyContains(email));
        }

        assertEquals(303, changed.statusCode());
        assertTrue(changed.header("Location").endsWith("/account"));
        browser.get("/account").then().statusCode(200).body(containsString("Your password is changed"));
        laptop.get("/account").then().statusCode(303).header("Location", containsString("/login"));
        assertEquals(401, signIn(email, Browser.PASSWORD).statusCode());
        assertEquals(303, signIn(email, NEW_PASSWORD).statusCode());
    }

    @Test
    void aNewPasswordThatBreaksTheRuleIsRefusedWithItsReason() {
        Browser browser = new Browser();
        String email = browser.signUp("Refused Change Co");
        browser.confirmPassword();

        for (Map.Entry<String, String> bad : Map.of(
                        "too short",
                        "at least 12 characters",
                        "qwertyuiop123456",
                        "too common",
                        "x".repeat(129),
                        "128 characters or fewer",
                        "",
                        "Enter a password")
                .entrySet()) {
            Response response =
                    browser.submit("/account/password", "/account/password", Map.of("password", bad.getKey()));
            assertEquals(400, response.statusCode(), bad.getKey());
            String html = response.asString();
            assertTrue(html.contains("class=\"error-summary\""), bad.getKey());
            assertTrue(html.contains("id=\"password-error\""), bad.getKey());
            assertTrue(html.contains(bad.getValue()), bad.getValue());
            assertTrue(html.contains("<title>Error:"));
            assertTrue(bad.getKey().isEmpty() || !html.contains(bad.getKey()), "a password is never echoed");
        }
        assertEquals(303, signIn(email, Browser.PASSWORD).statusCode(), "the password is unchanged");
    }

    @Test
    void withoutSignInThePageSendsToTheLoginPage() {
        new Browser().get("/account/password").then().statusCode(303).header("Location", containsString("/login"));
    }

    private static Browser browserAt(String address) {
        Browser browser = new Browser();
        browser.setHeader("X-Forwarded-For", address);
        return browser;
    }

    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10.92." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }

    private static Response signIn(String email, String password) {
        return browserAt(address()).submit("/login", "/login", Map.of("email", email, "password", password));
    }
}
