package io.connectionportal.onboarding;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;

@QuarkusTest
class AccountsTest {

    @Test
    void signUpCreatesCompanyAndOwnerAndLandsOnTheConnectStep() {
        Browser browser = new Browser();
        String email = Browser.uniqueEmail();

        Response response = browser.submit(
                "/signup",
                "/signup",
                Map.of(
                        "email",
                        "  " + email.toUpperCase() + " ",
                        "password",
                        Browser.PASSWORD,
                        "companyName",
                        "Atelier Martin"));

        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").endsWith("/connect"));
        String cookie = response.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("cp_session="))
                .findFirst()
                .orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);

        assertEquals(1, Rows.count("app_user", "email = ?1 and role = 'owner'", email));
        String hash = (String) Rows.single("select password_hash from app_user where email = ?1", email);
        assertTrue(hash.startsWith("$2"), "bcrypt modular crypt format");
        assertNotEquals(Browser.PASSWORD, hash);
        assertEquals(
                "Atelier Martin",
                Rows.single(
                        "select c.name from company c join app_user u on u.company_id = c.id where u.email = ?1",
                        email));

        browser.get("/connect").then().statusCode(200).body(containsString("Sign out"));
    }

    @Test
    void signedInUsersAreSentOnFromTheSignUpAndLoginPages() {
        Browser browser = new Browser();
        browser.signUp("Already In");
        browser.get("/signup").then().statusCode(303).header("Location", containsString("/connect"));
        browser.get("/login").then().statusCode(303).header("Location", containsString("/connect"));
    }

    static Stream<Arguments> badSignUps() {
        return Stream.of(
                Arguments.of("empty e-mail", "", Browser.PASSWORD, "Acme", "email", "Enter your e-mail address"),
                Arguments.of("malformed e-mail", "owner@", Browser.PASSWORD, "Acme", "email", "correct format"),
                Arguments.of(
                        "e-mail without domain dot",
                        "owner@localhost",
                        Browser.PASSWORD,
                        "Acme",
                        "email",
                        "correct format"),
                Arguments.of(
                        "oversized e-mail",
                        "a".repeat(250) + "@example.com",
                        Browser.PASSWORD,
                        "Acme",
                        "email",
                        "254 characters"),
                Arguments.of(
                        "short password",
                        Browser.uniqueEmail(),
                        "short pass",
                        "Acme",
                        "password",
                        "at least 12 characters"),
                Arguments.of(
                        "oversized password",
                        Browser.uniqueEmail(),
                        "p".repeat(129),
                        "Acme",
                        "password",
                        "128 characters"),
                Arguments.of(
                        "empty company",
                        Browser.uniqueEmail(),
                        Browser.PASSWORD,
                        "   ",
                        "companyName",
                        "Enter your company name"),
                Arguments.of(
                        "oversized company",
                        Browser.uniqueEmail(),
                        Browser.PASSWORD,
                        "C".repeat(121),
                        "companyName",
                        "120 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignUps")
    void badSignUpIsRefusedWithErrorsAndKeptValuesAndNothingSaved(
            String label, String email, String password, String company, String field, String message) {
        // Counted by this sign-up's own values: other tests sign up companies too.
        long users = Rows.count("app_user", "lower(email) = lower(?1)", email);
        long companies = Rows.count("company", "name = ?1", company);

        Response response = new Browser()
                .submit("/signup", "/signup", Map.of("email", email, "password", password, "companyName", company));

        assertEquals(400, response.statusCode());
        String html = response.body().asString();
        assertTrue(html.contains("class=\"error-summary\""), "error summary");
        assertTrue(html.contains("href=\"#" + field + "\""), "summary links to the field");
        assertTrue(html.contains("id=\"" + field + "-error\""), "inline error");
        assertTrue(html.contains(message), "message: " + message);
        assertTrue(html.contains("<title>Error:"), "title says there is an error");
        if (!company.isBlank() && company.length() <= 120) {
            assertTrue(html.contains("value=\"" + company + "\""), "company name kept");
        }
        assertTrue(!html.contains(password) || password.isEmpty(), "the password is never echoed");
        assertEquals(users, Rows.count("app_user", "lower(email) = lower(?1)", email));
        assertEquals(companies, Rows.count("company", "name = ?1", company));
    }

    @Test
    void duplicateEmailIsRefusedWithoutCreatingASecondCompany() {
        String email = new Browser().signUp("First Ltd");
        long companies = Rows.count("company", "name = 'Second Ltd'");

        Response response = new Browser()
                .submit(
                        "/signup",
                        "/signup",
                        Map.of(
                                "email",
                                email.toUpperCase(),
                                "password",
                                Browser.PASSWORD,
                                "companyName",
                                "Second Ltd"));

        assertEquals(409, response.statusCode());
        assertTrue(response.body().asString().contains("already exists"));
        assertTrue(response.body().asString().contains("value=\"Second Ltd\""));
        assertEquals(companies, Rows.count("company", "name = 'Second Ltd'"));
        assertEquals(1, Rows.count("app_user", "lower(email) = lower(?1)", email));
    }

    @Test
    void logInWithTheRightPasswordAndOutAgain() {
        String email = new Browser().signUp("Login Co");
        Browser browser = new Browser();

        Response login = browser.submit("/login", "/login", Map.of("email", email, "password", Browser.PASSWORD));
        assertEquals(303, login.statusCode());
        assertTrue(login.header("Location").endsWith("/connect"));
        String sessionCookie = login.getCookie("cp_session");
        assertNotNull(sessionCookie);
        browser.get("/connect").then().statusCode(200);

        Response logout = browser.post("/logout", Map.of());
        assertEquals(303, logout.statusCode());
        browser.get("/").then().body(containsString("You are signed out."));

        // The old cookie is worthless once the session is closed server-side.
        new Browser()
                .request()
                .cookie("cp_session", sessionCookie)
                .get("/connect")
                .then()
                .statusCode(303)
                .header("Location", startsWith("/login"));
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = new Browser().signUp("Careful Co");

        Response wrong =
                new Browser().submit("/login", "/login", Map.of("email", email, "password", "not the password!"));
        Response unknown = new Browser()
                .submit("/login", "/login", Map.of("email", Browser.uniqueEmail(), "password", "not the password!"));

        for (Response response : new Response[] {wrong, unknown}) {
            assertEquals(401, response.statusCode());
            assertNull(response.getCookie("cp_session"));
            assertTrue(response.body().asString().contains("The e-mail address or password is not right"));
        }
        assertTrue(wrong.body().asString().contains("value=\"" + email + "\""), "e-mail kept");
    }

    @Test
    void loginWithEmptyFieldsShowsBothErrors() {
        Response response = new Browser().submit("/login", "/login", Map.of("email", "", "password", ""));
        assertEquals(400, response.statusCode());
        String html = response.body().asString();
        assertTrue(html.contains("href=\"#email\""));
        assertTrue(html.contains("href=\"#password\""));
    }

    @Test
    void protectedPagesSendAnonymousVisitorsToLoginAndBackAfterwards() {
        new Browser()
                .get("/connect/consent")
                .then()
                .statusCode(303)
                .header("Location", "/login?next=%2Fconnect%2Fconsent");

        String email = new Browser().signUp("Return Co");
        Response login = new Browser()
                .submit(
                        "/login?next=/connect/consent",
                        "/login",
                        Map.of("email", email, "password", Browser.PASSWORD, "next", "/connect/consent"));
        assertTrue(login.header("Location").endsWith("/connect/consent"));
    }

    @Test
    void loginNeverRedirectsOffSite() {
        String email = new Browser().signUp("Redirect Co");
        for (String next : new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example"}) {
            Response login = new Browser()
                    .submit("/login", "/login", Map.of("email", email, "password", Browser.PASSWORD, "next", next));
            assertEquals(303, login.statusCode());
            assertTrue(login.header("Location").endsWith("/connect"), next + " -> " + login.header("Location"));
        }
    }

    @Test
    void formsWithoutOrWithAWrongCsrfTokenAreRejectedAndChangeNothing() {
        Map<String, String> fields = new HashMap<>(
                Map.of("email", Browser.uniqueEmail(), "password", Browser.PASSWORD, "companyName", "Forged Ltd"));

        Browser noToken = new Browser();
        noToken.get("/signup");
        Response missing = noToken.request()
                .contentType("application/x-www-form-urlencoded")
                .formParams(fields)
                .post("/signup");

        Browser wrongToken = new Browser();
        wrongToken.get("/signup");
        fields.put("csrf-token", "forged-token-value");
        Response wrong = wrongToken
                .request()
                .contentType("application/x-www-form-urlencoded")
                .formParams(fields)
                .post("/signup");

        for (Response response : new Response[] {missing, wrong}) {
            assertEquals(400, response.statusCode());
            assertTrue(response.body().asString().contains("This form has expired"));
        }
        assertEquals(0, Rows.count("app_user", "email = ?1", fields.get("email")));
    }

    @Test
    void everyPageCarriesSecurityHeadersAndFormsCarryATokenField() {
        Response page = new Browser().get("/signup");
        page.then()
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .header("Strict-Transport-Security", containsString("max-age=31536000"))
                .body(not(containsString("style=\"")))
                .body(not(containsString("<script>")));
        String csrfCookie = page.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("csrf-token="))
                .findFirst()
                .orElseThrow();
        assertTrue(csrfCookie.contains("HTTPOnly") || csrfCookie.contains("HttpOnly"), csrfCookie);
        assertTrue(csrfCookie.toLowerCase().contains("samesite=lax"), csrfCookie);
        int forms = page.body().asString().split("<form method=\"post\"").length - 1;
        int tokens = page.body().asString().split("name=\"csrf-token\"").length - 1;
        assertTrue(forms >= 2);
        assertEquals(forms, tokens, "every POST form carries the CSRF token");
    }

    @Test
    void unknownPagesAnswer404InThePortalFrame() {
        new Browser().get("/no-such-page").then().statusCode(404).body(containsString("Page not found"));
    }
}
