package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.LogCapture;
import io.connectionportal.testing.Rows;

/** Security events leave one line each: what, outcome, account id, address; never a password or an e-mail. */
@QuarkusTest
class SecurityLogTest {

    @Test
    void signInsSucceededAndFailedAreLoggedWithoutSecrets() {
        Browser browser = new Browser();
        browser.setHeader("X-Forwarded-For", "10.77.1.2");
        String email = browser.signUp("Logged Co");
        browser.post("/logout", Map.of());
        long userId = ((Number) Rows.single("select id from app_user where email = ?1", email)).longValue();

        try (LogCapture log = new LogCapture()) {
            browser.submit("/login", "/login", Map.of("email", email, "password", "not the password at all"));
            browser.submit("/login", "/login", Map.of("email", email, "password", Browser.PASSWORD));

            List<String> refused = log.linesContaining("security event=sign_in outcome=refused");
            List<String> allowed = log.linesContaining("security event=sign_in outcome=allowed account=" + userId);
            assertEquals(1, refused.size(), refused.toString());
            assertEquals(1, allowed.size());
            assertTrue(allowed.get(0).contains("address=10.77.1.2"), allowed.get(0));
            assertFalse(log.anyContains("not the password at all"));
            assertFalse(log.anyContains(Browser.PASSWORD));
            assertFalse(log.anyContains(email));
        }
    }

    @Test
    void exportsAndAnotherCompanysIdsAreLogged() {
        Browser owner = new Browser();
        owner.signUp("Exporting Co");
        Browser other = new Browser();
        String otherEmail = other.signUp("Curious Co");
        long otherId = ((Number) Rows.single("select id from app_user where email = ?1", otherEmail)).longValue();

        owner.confirmPassword();
        try (LogCapture log = new LogCapture()) {
            owner.get("/connections/export").then().statusCode(200);
            other.get("/connections/999999999").then().statusCode(404);

            assertEquals(
                    1,
                    log.linesContaining("security event=data_export outcome=allowed")
                            .size());
            assertEquals(
                    1,
                    log.linesContaining("security event=foreign_id outcome=refused account=" + otherId + " ")
                            .size());
        }
    }

    @Test
    void textFromOutsideCannotStartAForgedLine() {
        assertEquals(
                "bad_ security event=sign_in outcome=allowed",
                LogText.clean("bad\n security event=sign_in outcome=allowed"));
        assertEquals("-", LogText.clean(null));
    }
}
