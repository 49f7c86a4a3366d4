package io.connectionportal.shared;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A session cookie the portal no longer knows (expired, signed out elsewhere, a restored database) counts
 * as no session: it never locks the browser out of the site.
 */
@QuarkusTest
class StaleSessionTest {

    private static final String STALE = "cp_session=stale-token-from-a-session-that-has-ended";

    @ParameterizedTest
    @ValueSource(strings = {"/", "/login", "/signup", "/privacy"})
    void publicPagesAnswerAsToAnyoneAndDropTheStaleCookie(String path) {
        Response response =
                given().redirects().follow(false).header("Cookie", STALE).get(path);

        assertEquals(200, response.statusCode(), path);
        assertTrue(clearsTheSessionCookie(response), "the stale cookie is cleared on " + path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/css/portal.css", "/js/picker.js", "/img/favicon.svg", "/theme.css"})
    void filesAreServedWithoutLookingAtTheSession(String path) {
        Response response =
                given().redirects().follow(false).header("Cookie", STALE).get(path);

        assertEquals(200, response.statusCode(), path);
        assertFalse(clearsTheSessionCookie(response), "the session was not read for " + path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/connections", "/connect/platforms"})
    void aProtectedPageSendsToSignInOnceAndSignInThenOpens(String path) {
        Response protectedPage =
                given().redirects().follow(false).header("Cookie", STALE).get(path);
        assertEquals(303, protectedPage.statusCode());
        String login = protectedPage.header("Location");
        assertTrue(login.contains("/login?next="), login);
        assertTrue(clearsTheSessionCookie(protectedPage));

        Response loginPage =
                given().redirects().follow(false).header("Cookie", STALE).get(login);
        assertEquals(
                200, loginPage.statusCode(), "the sign-in page itself opens, even with the stale cookie still sent");
    }

    private static boolean clearsTheSessionCookie(Response response) {
        return response.headers().getValues("Set-Cookie").stream()
                .anyMatch(c -> c.startsWith("cp_session=;") && c.contains("Max-Age=0"));
    }
}
