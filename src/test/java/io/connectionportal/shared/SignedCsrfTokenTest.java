package io.connectionportal.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import io.quarkus.csrf.reactive.runtime.CsrfTokenUtils;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;

/**
 * CSRF tokens are signed (double-submit cookie holding the token's HMAC), so a cookie an attacker plants from a
 * sibling subdomain, with a matching form field, is refused.
 */
@QuarkusTest
class SignedCsrfTokenTest {

    @Test
    void aPlantedCookieAndFieldPairIsRefused() {
        String email = Browser.uniqueEmail();
        // Well-formed like a real token (16 random bytes, base64url): only a missing signature can refuse it.
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        String planted = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        given().redirects()
                .follow(false)
                .cookie("csrf-token", planted)
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of(
                        "csrf-token",
                        "planted-token-value",
                        "email",
                        email,
                        "password",
                        Browser.PASSWORD,
                        "companyName",
                        "Planted Co"))
                .post("/signup")
                .then()
                .statusCode(400);
        assertEquals(0, Rows.count("app_user", "email = ?1", email));
    }

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
    void theCookieIsTheFormTokenSignedWithTheKeyEveryInstanceShares() {
        Browser browser = new Browser();
        String cookie = browser.get("/signup").cookie("csrf-token");
        String key = ConfigProvider.getConfig().getValue(CsrfCookieDefaults.SIGNATURE_KEY, String.class);

        assertNotEquals(browser.csrfToken(), cookie, "unsigned, the cookie would be the token itself");
        assertEquals(CsrfTokenUtils.signCsrfToken(browser.csrfToken(), key), cookie);
        browser.signUp("Signed Co");
    }
}
