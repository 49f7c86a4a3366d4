package io.connectionportal.shared;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;

/** The CSRF token: one per browser, so forms in other tabs stay valid; forged or garbled tokens refused, never a 500. */
@QuarkusTest
class CsrfTokenTest {

    @Test
    void aTokenThatIsNotEvenBase64IsAnExpiredFormNotAServerError() {
        Browser browser = new Browser();
        browser.get("/signup");
        browser.post(
                        "/signup",
                        Map.of(
                                "csrf-token",
                                "not*base64!",
                                "email",
                                Browser.uniqueEmail(),
                                "companyName",
                                "Garbled Co"))
                .then()
                .statusCode(400)
                .body(containsString("This form has expired"));
    }

    @Test
    void theExpiredFormPageIsInTheLanguageTheReaderChose() {
        Browser browser = new Browser("en");
        browser.get("/signup");
        browser.post("/language", Map.of("lang", "fr", "next", "/signup"))
                .then()
                .statusCode(303);
        browser.get("/signup").then().body(containsString("<html lang=\"fr\""));
        browser.post("/signup", Map.of("csrf-token", "not*base64!", "email", Browser.uniqueEmail()))
                .then()
                .statusCode(400)
                .body(containsString("Ce formulaire a expiré"));
    }

    @Test
    void theTokenStaysTheSameAcrossPagesSoFormsInOtherTabsStayValid() {
        Browser browser = new Browser();
        browser.get("/signup");
        String signupToken = browser.csrfToken();
        browser.get("/theme.css");
        browser.get("/login");
        assertEquals(signupToken, browser.csrfToken(), "one token for the browser, not one per page");
        browser.post(
                        "/signup",
                        Map.of(
                                "csrf-token",
                                signupToken,
                                "email",
                                Browser.uniqueEmail(),
                                "password",
                                Browser.PASSWORD,
                                "companyName",
                                "Two Tabs Co"))
                .then()
                .statusCode(303);
    }
}
