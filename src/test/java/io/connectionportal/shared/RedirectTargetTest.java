package io.connectionportal.shared;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.connectionportal.testing.Browser;

/** A target to go back to, taken from the request, is used only when it is a well-formed path of this site. */
@QuarkusTest
class RedirectTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"/a b", "/%zz", "/ok?x=%", "https://evil.example/", "//evil.example"})
    void aBadTargetAfterSignInFallsBackToTheConnectStep(String next) {
        Browser browser = new Browser();
        String email = browser.signUp("Bad Next Co");
        browser.post("/logout", Map.of());

        Response signIn =
                browser.submit("/login", "/login", Map.of("email", email, "password", Browser.PASSWORD, "next", next));

        assertEquals(303, signIn.statusCode(), signIn.body().asString());
        assertTrue(signIn.header("Location").endsWith("/connect"), signIn.header("Location"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a b", "/%zz", "https://evil.example/"})
    void theLanguageSwitcherGoesHomeInstead(String next) {
        Browser browser = new Browser();
        Response switched = browser.submit("/", "/language", Map.of("lang", "fr", "next", next));
        assertEquals(303, switched.statusCode());
        assertTrue(switched.header("Location").endsWith("/"), switched.header("Location"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login?next=%zz", "/login?next=%", "/support?from=%E0%A4%A"})
    void aMalformedEscapeInTheAddressIsNeverA500(String path) {
        int status = given().redirects().follow(false).get(path).statusCode();
        assertTrue(status == 200 || status == 400, path + " answered " + status);
    }
}
