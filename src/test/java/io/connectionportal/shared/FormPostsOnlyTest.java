package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;

/**
 * With the CSRF filter letting non-form bodies through (for the JSON API), a page's action still takes only a form
 * with its token: a cross-site text/plain or JSON POST, which needs no preflight or carries the cookie, changes nothing.
 */
@QuarkusTest
class FormPostsOnlyTest {

    @Test
    void aPageActionRefusesABodyThatIsNotAFormAndTheSessionStays() {
        Browser browser = new Browser();
        browser.signUp("Plain Text Co");

        for (String type : new String[] {"text/plain", "application/json"}) {
            int status = browser.request()
                    .contentType(type)
                    .body("csrf-token=" + browser.csrfToken())
                    .post("/logout")
                    .statusCode();
            // 415 where the action declares it takes a form, 400 from FormPostsOnly where it does not
            assertTrue(status == 400 || status == 415, type + " got " + status);
        }
        assertEquals(200, browser.get("/connections").statusCode(), "still signed in");
    }
}
