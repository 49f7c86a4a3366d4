package io.connectionportal.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.connectionportal.connectors.TokenCipher;
import io.connectionportal.platforms.Category;
import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.LogCapture;
import io.connectionportal.testing.Rows;

/**
 * The sandbox provider, driven exactly as the portal's connector drives it: the browser side through
 * the consent page (with its CSRF token), the back channel with client credentials and PKCE.
 */
@QuarkusTest
class SandboxTest {

    private static final String CLIENT_ID = "connection-portal";
    private static final String SECRET = "sandbox-secret";
    private static final String ACCOUNTING_SCOPES = "offline_access company_info.read chart_of_accounts.read "
            + "invoices.read bills.read financial_statements.read";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @Inject
    SandboxClient client;

    @Inject
    SandboxFaults faults;

    @Inject
    PlatformCatalog catalog;

    @Inject
    TokenCipher cipher;

    @AfterEach
    void normalBehaviour() {
        faults.reset();
    }

    // ----- the sign-in and consent page -----

    @Test
    void theConsentPageNamesTheSandboxAndTheRequestedPermissions() {
        Response page = new Browser()
                .request()
                .queryParams(request("company_info.read invoices.read offline_access", pkce()))
                .get("/sandbox/xero/oauth/authorize");

        assertEquals(200, page.statusCode());
        page.then()
                .body(containsString("<title>Sign in to Xero (Sandbox)</title>"))
                .body(containsString("<h1>Sign in to Xero (Sandbox)</h1>"))
                .body(containsString("Sandbox — simulated sign-in."))
                .body(containsString("This sign-in is simulated"))
                .body(containsString("value=\"demo@sandbox.example\""))
                .body(containsString("type=\"password\""))
                .body(containsString("Lendwell will be able to:"))
                .body(containsString("See your company details"))
                .body(containsString("See your sales invoices"))
                .body(containsString("Keep this access when you are not using it"))
                .body(not(containsString("See your supplier bills")))
                .body(containsString("name=\"decision\" value=\"allow\""))
                .body(containsString("name=\"decision\" value=\"deny\""))
                .body(containsString("name=\"csrf-token\""))
                // A different website: none of the portal's navigation or support footer.
                .body(not(containsString("site-header")))
                .body(not(containsString("footer-help")));
        assertEquals("no-store", page.header("Cache-Control"));
    }

    @Test
    void theConsentPageSpeaksFrench() {
        new Browser("fr")
                .request()
                .queryParams(request("bank_accounts.read bank_transactions.read", pkce()))
                .get("/sandbox/qonto/oauth/authorize")
                .then()
                .statusCode(200)
                .body(containsString("<html lang=\"fr\">"))
                .body(containsString("Se connecter à Qonto (bac à sable)"))
                .body(containsString("Bac à sable — connexion simulée."))
                .body(containsString("Voir vos comptes bancaires et leurs soldes"))
                .body(containsString("Voir vos opérations bancaires"))
                .body(containsString(">Autoriser</button>"))
                .body(containsString(">Refuser</button>"));
    }

    @Test
    void anUntrustedRequestGetsAnErrorPageAndIsNeverRedirected() {
        Map<String, String> wrongRedirect = request("invoices.read", pkce());
        wrongRedirect.put("redirect_uri", client.redirectUri() + "/../evil");
        Map<String, String> prefix = request("invoices.read", pkce());
        prefix.put("redirect_uri", "https://evil.example/connect/callback");
        Map<String, String> unknownClient = request("invoices.read", pkce());
        unknownClient.put("client_id", "someone-else");

        for (Map<String, String> params : List.of(wrongRedirect, prefix, unknownClient)) {
            Response response = new Browser().request().queryParams(params).get("/sandbox/xero/oauth/authorize");
            assertEquals(400, response.statusCode());
            assertNull(response.header("Location"));
            response.then().body(containsString("This sign-in request cannot be completed"));
        }
        Response unknownPlatform = new Browser()
                .request()
                .queryParams(request("invoices.read", pkce()))
                .get("/sandbox/no-such-platform/oauth/authorize");
        assertEquals(400, unknownPlatform.statusCode());
        assertNull(unknownPlatform.header("Location"));
        unknownPlatform.then().body(containsString("There is no sandbox for this platform."));
    }

    @Test
    void aRequestWithoutPkceOrWithBadParametersIsSentBackWithAnError() {
        Map<String, String> noPkce = request("invoices.read", pkce());
        noPkce.remove("code_challenge");
        noPkce.remove("code_challenge_method");
        assertRedirectError(noPkce, "invalid_request");

        Map<String, String> plain = request("invoices.read", pkce());
        plain.put("code_challenge_method", "plain");
        assertRedirectError(plain, "invalid_request");

        Map<String, String> token = request("invoices.read", pkce());
        token.put("response_type", "token");
        assertRedirectError(token, "unsupported_response_type");

        assertRedirectError(request("invoices.read admin.write", pkce()), "invalid_scope");
        // Qonto is a bank: it has no invoices to offer.
        Map<String, String> notOffered = request("bank_accounts.read invoices.read", pkce());
        Response response = new Browser().request().queryParams(notOffered).get("/sandbox/qonto/oauth/authorize");
        assertEquals(303, response.statusCode());
        assertEquals("invalid_scope", query(response).get("error"));
        assertEquals(
                client.issuer(catalog.find("qonto").orElseThrow()),
                query(response).get("iss"));
    }

    @Test
    void allowRedirectsWithASingleUseCodeTheStateAndTheIssuer() {
        String owner = Browser.uniqueEmail();
        Response response = consent("xero", request("invoices.read", pkce()), "allow", owner);

        assertEquals(303, response.statusCode());
        String location = response.header("Location");
        assertTrue(location.startsWith(client.redirectUri() + "?code="), location);
        Map<String, String> query = query(response);
        assertEquals("state-123", query.get("state"));
        assertEquals(client.issuer(catalog.find("xero").orElseThrow()), query.get("iss"));
        String code = query.get("code");
        assertTrue(code.length() >= 43);

        assertEquals(1, Rows.count("sandbox_grant", "subject = ?1", owner));
        assertEquals(0, Rows.count("sandbox_authorization_code", "code_hash = ?1", code), "never stored in clear");
        assertEquals(1, Rows.count("sandbox_authorization_code", "code_hash = ?1", Secrets.hash(code)));
        assertEquals(
                owner,
                Rows.single(
                        "select g.subject from sandbox_grant g join sandbox_authorization_code c on c.grant_id = g.id where c.code_hash = ?1",
                        Secrets.hash(code)));
    }

    @Test
    void denySendsAccessDeniedAndGrantsNothing() {
        String owner = Browser.uniqueEmail();
        Response response = consent("xero", request("invoices.read", pkce()), "deny", owner);

        assertEquals(303, response.statusCode());
        Map<String, String> query = query(response);
        assertEquals("access_denied", query.get("error"));
        assertEquals("state-123", query.get("state"));
        assertEquals(client.issuer(catalog.find("xero").orElseThrow()), query.get("iss"));
        assertNull(query.get("code"));
        assertEquals(0, Rows.count("sandbox_grant", "subject = ?1", owner));
    }

    @Test
    void anEmptyEmailIsShownAgainWithAnErrorSummary() {
        Response response = consent("xero", request("invoices.read", pkce()), "allow", "  ");

        assertEquals(400, response.statusCode());
        response.then()
                .body(containsString("<title>Error: Sign in to Xero (Sandbox)</title>"))
                .body(containsString("class=\"error-summary\""))
                .body(containsString("href=\"#email\""))
                .body(containsString("Enter the e-mail address you sign in with"))
                .body(containsString("aria-invalid=\"true\""))
                .body(containsString("name=\"code_challenge\""))
                .body(not(containsString("typed-secret-password")));
        assertEquals(0, Rows.count("sandbox_grant", "trim(subject) = ''"));
    }

    @Test
    void theFormIsCheckedAgainWhenItComesBack() {
        Map<String, String> params = request("invoices.read", pkce());
        Browser browser = new Browser();
        Response page = browser.request().queryParams(params).get("/sandbox/xero/oauth/authorize");
        Map<String, Object> tampered = new LinkedHashMap<>(params);
        tampered.put("redirect_uri", "https://evil.example/callback");
        tampered.put("decision", "allow");
        tampered.put("email", "owner@example.com");
        tampered.put("csrf-token", csrf(page));

        Response response = browser.post("/sandbox/xero/oauth/authorize", tampered);

        assertEquals(400, response.statusCode());
        assertNull(response.header("Location"));
    }

    // ----- the token endpoint -----

    @Test
    void theCodeIsExchangedOnlyWithTheRightVerifier() {
        Pkce pkce = pkce();
        String code = authorize("xero", ACCOUNTING_SCOPES, pkce);

        Response wrong = basic().formParams(exchange(code, pkce()).build()).post(tokenPath("xero"));
        assertEquals(400, wrong.statusCode());
        assertEquals("invalid_grant", wrong.jsonPath().getString("error"));

        Response right = basic().formParams(exchange(code, pkce).build()).post(tokenPath("xero"));
        assertEquals(200, right.statusCode(), right.body().asString());
        assertEquals("no-store", right.header("Cache-Control"));
        JsonPath json = right.jsonPath();
        assertEquals("Bearer", json.getString("token_type"));
        assertEquals(300, json.getInt("expires_in"));
        assertEquals(ACCOUNTING_SCOPES, json.getString("scope"));
        String access = json.getString("access_token");
        String refresh = json.getString("refresh_token");
        assertNotNull(access);
        assertNotNull(refresh);
        assertNotEquals(access, refresh);
        assertEquals(0, Rows.count("sandbox_token", "token_hash = ?1 or token_hash = ?2", access, refresh));
        assertEquals(1, Rows.count("sandbox_token", "token_hash = ?1 and kind = 'ACCESS'", Secrets.hash(access)));
        assertEquals(1, Rows.count("sandbox_token", "token_hash = ?1 and kind = 'REFRESH'", Secrets.hash(refresh)));

        api("xero", "company", access).then().statusCode(200);
    }

    @Test
    void withoutOfflineAccessThereIsNoRefreshToken() {
        Pkce pkce = pkce();
        String code = authorize("xero", "invoices.read", pkce);
        JsonPath json = basic().formParams(exchange(code, pkce).build())
                .post(tokenPath("xero"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertNull(json.getString("refresh_token"));
        assertEquals("invoices.read", json.getString("scope"));
    }

    @Test
    void aCodeUsedTwiceIsRefusedAndEveryTokenFromItRevoked() {
        Pkce pkce = pkce();
        String code = authorize("xero", ACCOUNTING_SCOPES, pkce);
        JsonPath first = basic().formParams(exchange(code, pkce).build())
                .post(tokenPath("xero"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        api("xero", "invoices", first.getString("access_token")).then().statusCode(200);

        Response second = basic().formParams(exchange(code, pkce).build()).post(tokenPath("xero"));

        assertEquals(400, second.statusCode());
        assertEquals("invalid_grant", second.jsonPath().getString("error"));
        api("xero", "invoices", first.getString("access_token")).then().statusCode(401);
        Response refresh = basic().formParams(
                        Map.of("grant_type", "refresh_token", "refresh_token", first.getString("refresh_token")))
                .post(tokenPath("xero"));
        assertEquals("invalid_grant", refresh.jsonPath().getString("error"));
    }

    @Test
    void aCodeExpiresAfterSixtySecondsAndMustComeWithItsRedirectUri() {
        Pkce pkce = pkce();
        String code = authorize("xero", "invoices.read", pkce);

        Map<String, String> otherRedirect = exchange(code, pkce).build();
        otherRedirect.put("redirect_uri", client.redirectUri() + "?x=1");
        assertEquals(
                "invalid_grant",
                basic().formParams(otherRedirect)
                        .post(tokenPath("xero"))
                        .jsonPath()
                        .getString("error"));

        later(Duration.ofSeconds(61));
        Response expired = basic().formParams(exchange(code, pkce).build()).post(tokenPath("xero"));
        assertEquals(400, expired.statusCode());
        assertEquals("invalid_grant", expired.jsonPath().getString("error"));
    }

    @Test
    void aCodeOfOnePlatformIsNotValidAtAnother() {
        Pkce pkce = pkce();
        String code = authorize("xero", "invoices.read", pkce);
        Response response = basic().formParams(exchange(code, pkce).build()).post(tokenPath("qonto"));
        assertEquals("invalid_grant", response.jsonPath().getString("error"));
    }

    @Test
    void theClientAuthenticatesWithBasicOrInTheFormAndNothingElse() {
        Pkce basicPkce = pkce();
        String basicCode = authorize("xero", "invoices.read", basicPkce);
        basic().formParams(exchange(basicCode, basicPkce).build())
                .post(tokenPath("xero"))
                .then()
                .statusCode(200);

        Pkce postPkce = pkce();
        String postCode = authorize("xero", "invoices.read", postPkce);
        Map<String, String> post = exchange(postCode, postPkce).build();
        post.put("client_id", CLIENT_ID);
        post.put("client_secret", SECRET);
        form().formParams(post).post(tokenPath("xero")).then().statusCode(200);

        Pkce pkce = pkce();
        String code = authorize("xero", "invoices.read", pkce);
        Map<String, String> params = exchange(code, pkce).build();
        Response wrongSecret = form().auth()
                .preemptive()
                .basic(CLIENT_ID, "guess")
                .formParams(params)
                .post(tokenPath("xero"));
        assertEquals(401, wrongSecret.statusCode());
        assertEquals("invalid_client", wrongSecret.jsonPath().getString("error"));
        assertNotNull(wrongSecret.header("WWW-Authenticate"));

        Map<String, String> wrongPost = new LinkedHashMap<>(params);
        wrongPost.put("client_id", CLIENT_ID);
        wrongPost.put("client_secret", "guess");
        assertEquals(401, form().formParams(wrongPost).post(tokenPath("xero")).statusCode());
        assertEquals(401, form().formParams(params).post(tokenPath("xero")).statusCode(), "no client authentication");
        Map<String, String> both = new LinkedHashMap<>(params);
        both.put("client_secret", SECRET);
        assertEquals(401, basic().formParams(both).post(tokenPath("xero")).statusCode(), "two methods at once");
        Map<String, String> publicClient = new LinkedHashMap<>(params);
        publicClient.put("client_id", CLIENT_ID);
        assertEquals(
                401, form().formParams(publicClient).post(tokenPath("xero")).statusCode(), "id without secret");

        // The failed attempts did not use the code up.
        basic().formParams(params).post(tokenPath("xero")).then().statusCode(200);
    }

    @Test
    void malformedTokenRequestsAreRefusedWithRfcErrors() {
        assertEquals(
                "unsupported_grant_type",
                basic().formParams(Map.of("grant_type", "password", "username", "a"))
                        .post(tokenPath("xero"))
                        .then()
                        .statusCode(400)
                        .extract()
                        .jsonPath()
                        .getString("error"));
        assertEquals(
                "invalid_request",
                basic().formParams(Map.of("code", "x"))
                        .post(tokenPath("xero"))
                        .then()
                        .statusCode(400)
                        .extract()
                        .jsonPath()
                        .getString("error"));
        assertEquals(
                "invalid_request",
                basic().formParams(Map.of("grant_type", "authorization_code", "code", "x"))
                        .post(tokenPath("xero"))
                        .then()
                        .statusCode(400)
                        .extract()
                        .jsonPath()
                        .getString("error"));
        assertEquals(
                "invalid_request",
                given().auth()
                        .preemptive()
                        .basic(CLIENT_ID, SECRET)
                        .contentType("application/json")
                        .body("{\"grant_type\":\"refresh_token\"}")
                        .post(tokenPath("xero"))
                        .then()
                        .statusCode(400)
                        .extract()
                        .jsonPath()
                        .getString("error"));
        assertEquals(
                "invalid_request",
                basic().formParam("grant_type", "refresh_token", "refresh_token")
                        .post(tokenPath("xero"))
                        .then()
                        .statusCode(400)
                        .extract()
                        .jsonPath()
                        .getString("error"),
                "repeated parameter");
        given().get(tokenPath("xero")).then().statusCode(405).header("Allow", "POST");
        basic().formParams(Map.of("grant_type", "refresh_token", "refresh_token", "x"))
                .post(tokenPath("nowhere"))
                .then()
                .statusCode(404);
    }

    @Test
    void refreshRotatesBothTokensAndASecondUseRevokesTheGrant() {
        Tokens first = tokens("xero", ACCOUNTING_SCOPES);

        JsonPath second = refresh("xero", first.refresh())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String newAccess = second.getString("access_token");
        String newRefresh = second.getString("refresh_token");
        assertNotEquals(first.access(), newAccess);
        assertNotEquals(first.refresh(), newRefresh);
        assertEquals(ACCOUNTING_SCOPES, second.getString("scope"));
        assertEquals(
                1,
                Rows.count(
                        "sandbox_token",
                        "token_hash = ?1 and rotated_at is not null and replaced_by is not null",
                        Secrets.hash(first.refresh())));
        api("xero", "invoices", newAccess).then().statusCode(200);

        // The rotated token again: somebody has a copy. Everything of the grant stops working.
        Response reuse = refresh("xero", first.refresh());
        assertEquals(400, reuse.statusCode());
        assertEquals("invalid_grant", reuse.jsonPath().getString("error"));
        assertEquals("invalid_grant", refresh("xero", newRefresh).jsonPath().getString("error"));
        api("xero", "invoices", newAccess).then().statusCode(401);
        api("xero", "invoices", first.access()).then().statusCode(401);
    }

    @Test
    void refreshMayNarrowButNeverWidenTheScope() {
        Tokens tokens = tokens("xero", "offline_access invoices.read bills.read");

        Response wider = basic().formParams(Map.of(
                        "grant_type",
                        "refresh_token",
                        "refresh_token",
                        tokens.refresh(),
                        "scope",
                        "invoices.read company_info.read"))
                .post(tokenPath("xero"));
        assertEquals(
                "invalid_scope",
                wider.then().statusCode(400).extract().jsonPath().getString("error"));

        JsonPath narrower = basic().formParams(Map.of(
                        "grant_type", "refresh_token", "refresh_token", tokens.refresh(), "scope", "invoices.read"))
                .post(tokenPath("xero"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("invoices.read", narrower.getString("scope"));
        api("xero", "invoices", narrower.getString("access_token")).then().statusCode(200);
        api("xero", "bills", narrower.getString("access_token")).then().statusCode(403);
        JsonPath next = refresh("xero", narrower.getString("refresh_token"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("offline_access invoices.read bills.read", next.getString("scope"), "the grant keeps its scope");
    }

    @Test
    void anExpiredRefreshTokenIsRefused() {
        Tokens tokens = tokens("xero", "offline_access invoices.read");
        later(Duration.ofDays(31));
        assertEquals(
                "invalid_grant",
                refresh("xero", tokens.refresh())
                        .then()
                        .statusCode(400)
                        .extract()
                        .jsonPath()
                        .getString("error"));
    }

    @Test
    void codesTokensAndVerifiersAreNeverLogged() {
        try (LogCapture logs = new LogCapture()) {
            Pkce pkce = pkce();
            String code = authorize("xero", "offline_access invoices.read", pkce);
            JsonPath json = basic().formParams(exchange(code, pkce).build())
                    .post(tokenPath("xero"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            String refresh = json.getString("refresh_token");
            String rotated = refresh("xero", refresh)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getString("refresh_token");
            refresh("xero", refresh).then().statusCode(400);
            basic().formParams(exchange(code, pkce).build())
                    .post(tokenPath("xero"))
                    .then()
                    .statusCode(400);

            assertTrue(logs.size() > 0, "the flow logged something, so the check below means something");
            for (String secret :
                    List.of(code, pkce.verifier(), json.getString("access_token"), refresh, rotated, SECRET)) {
                assertFalse(logs.anyContains(secret), "a secret reached the log");
            }
        }
    }

    // ----- revocation -----

    @Test
    void revokingTheRefreshTokenEndsTheWholeGrant() {
        Tokens tokens = tokens("xero", ACCOUNTING_SCOPES);
        api("xero", "company", tokens.access()).then().statusCode(200);

        Response revoked = basic().formParams(Map.of("token", tokens.refresh(), "token_type_hint", "refresh_token"))
                .post(revokePath("xero"));

        assertEquals(200, revoked.statusCode());
        api("xero", "company", tokens.access())
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        assertEquals(
                "invalid_grant", refresh("xero", tokens.refresh()).jsonPath().getString("error"));
        assertEquals(
                1,
                Rows.count(
                        "sandbox_grant g join sandbox_token t on t.grant_id = g.id",
                        "t.token_hash = ?1 and g.revoked_at is not null",
                        Secrets.hash(tokens.access())));
    }

    @Test
    void revokingAnAccessTokenEndsOnlyThatToken() {
        Tokens tokens = tokens("xero", "offline_access invoices.read");
        form().formParams(Map.of("token", tokens.access(), "client_id", CLIENT_ID, "client_secret", SECRET))
                .post(revokePath("xero"))
                .then()
                .statusCode(200);

        api("xero", "invoices", tokens.access()).then().statusCode(401);
        String fresh = refresh("xero", tokens.refresh())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("access_token");
        api("xero", "invoices", fresh).then().statusCode(200);
    }

    @Test
    void revocationNeedsTheClientButAnswersOkForUnknownTokens() {
        basic().formParams(Map.of("token", "never-issued"))
                .post(revokePath("xero"))
                .then()
                .statusCode(200);
        Tokens tokens = tokens("xero", "offline_access invoices.read");
        assertEquals(
                401,
                form().formParams(Map.of("token", tokens.refresh()))
                        .post(revokePath("xero"))
                        .statusCode());
        assertEquals(
                401,
                form().auth()
                        .preemptive()
                        .basic(CLIENT_ID, "guess")
                        .formParams(Map.of("token", tokens.refresh()))
                        .post(revokePath("xero"))
                        .statusCode());
        assertEquals(
                400,
                basic().formParams(Map.of("token_type_hint", "access_token"))
                        .post(revokePath("xero"))
                        .statusCode());
        api("xero", "invoices", tokens.access()).then().statusCode(200);
    }

    // ----- the data API -----

    @Test
    void theDataApiServesRealisticRecordsThatStayTheSame() {
        Tokens tokens = tokens("xero", ACCOUNTING_SCOPES);

        Response company = api("xero", "company", tokens.access());
        company.then().statusCode(200).header("Cache-Control", "no-store");
        JsonPath info = company.jsonPath();
        assertEquals("GBP", info.getString("data.baseCurrency"));
        assertTrue(
                info.getString("data.registrationNumber").matches("\\d{8}"), info.getString("data.registrationNumber"));
        assertTrue(info.getString("data.taxNumber").matches("GB\\d{9}"), info.getString("data.taxNumber"));
        assertTrue(info.getString("data.legalName").endsWith(" Ltd"));
        assertEquals("GB", info.getString("data.address.country"));
        assertNotNull(info.getString("data.address.postalCode"));

        Response invoices = api("xero", "invoices", tokens.access());
        List<Map<String, Object>> records = invoices.jsonPath().getList("data");
        assertTrue(records.size() >= 20 && records.size() <= 60, "records: " + records.size());
        LocalDate yearAgo = LocalDate.now().minusYears(1).minusDays(1);
        for (Map<String, Object> invoice : records) {
            LocalDate issued = LocalDate.parse((String) invoice.get("issueDate"));
            assertTrue(issued.isAfter(yearAgo) && !issued.isAfter(LocalDate.now()), issued.toString());
            assertEquals("GBP", invoice.get("currency"));
            assertTrue(List.of("PAID", "OPEN", "OVERDUE").contains(invoice.get("status")));
        }
        assertEquals(
                invoices.body().asString(),
                api("xero", "invoices", tokens.access()).body().asString(),
                "the same grant always sees the same records");

        int accounts = api("xero", "accounts", tokens.access())
                .jsonPath()
                .getList("data")
                .size();
        assertTrue(accounts >= 20 && accounts <= 60);
        int bills =
                api("xero", "bills", tokens.access()).jsonPath().getList("data").size();
        assertTrue(bills >= 20 && bills <= 60);
        JsonPath statements =
                api("xero", "financial-statements", tokens.access()).jsonPath();
        assertEquals(24, statements.getList("data").size());
        assertNotNull(statements.get("data.find { it.type == 'PROFIT_AND_LOSS' }.lines.revenue"));
    }

    @Test
    void aFrenchBankSpeaksEuros() {
        Tokens tokens = tokens("qonto", "offline_access bank_accounts.read bank_transactions.read");

        List<Map<String, Object>> accounts = api("qonto", "bank-accounts", tokens.access())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("data");
        assertTrue(accounts.size() >= 2 && accounts.size() <= 3);
        for (Map<String, Object> account : accounts) {
            assertEquals("EUR", account.get("currency"));
            assertTrue(((String) account.get("maskedAccountNumber")).matches("FR76 •••• \\d{4}"), (String)
                    account.get("maskedAccountNumber"));
            assertEquals("Qonto", account.get("institution"));
            assertNotNull(account.get("balance"));
        }
        JsonPath transactions =
                api("qonto", "bank-transactions", tokens.access()).jsonPath();
        int count = transactions.getList("data").size();
        assertTrue(count >= 20 && count <= 60);
        assertEquals("EUR", transactions.getString("data[0].currency"));
        assertTrue(
                transactions.getList("data.accountId").stream()
                        .allMatch(id ->
                                accounts.stream().anyMatch(a -> a.get("id").equals(id))),
                "every transaction is on one of the accounts");
    }

    @Test
    void aShopServesOrdersPayoutsAndAnonymousCustomers() {
        Tokens tokens = tokens("shopify", "orders.read payouts.read customers.read");
        for (String resource : List.of("orders", "payouts", "customers")) {
            int count = api("shopify", resource, tokens.access())
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("data")
                    .size();
            assertTrue(count >= 20 && count <= 60, resource + ": " + count);
        }
        String customers = api("shopify", "customers", tokens.access()).body().asString();
        assertFalse(customers.contains("name") || customers.contains("email"), "customers are never named");
        assertEquals("USD", api("shopify", "orders", tokens.access()).jsonPath().getString("data[0].currency"));
    }

    @Test
    void frenchAccountingDataHasValidSirenAndTvaNumbers() {
        Platform pennylane = new Platform(
                "pennylane",
                "Pennylane",
                Category.ACCOUNTING,
                "https://www.pennylane.com",
                java.util.Optional.empty(),
                true,
                List.of(DataType.COMPANY_INFO),
                List.of(),
                List.of(),
                java.util.Optional.empty(),
                java.util.Optional.empty(),
                false,
                java.util.Optional.empty());
        for (long grant = 1; grant <= 20; grant++) {
            SandboxData.Company company = new SandboxData(pennylane, grant, Instant.now()).company();
            String siren = company.registrationNumber();
            assertTrue(siren.matches("\\d{9}") && SandboxData.luhn(siren), siren);
            long key = (12 + 3 * (Long.parseLong(siren) % 97)) % 97;
            assertEquals(String.format("FR%02d%s", key, siren), company.taxNumber());
            assertEquals("EUR", company.baseCurrency());
            assertEquals("FR", company.address().country());
            assertTrue(company.legalName().matches(".* (SARL|SAS|SASU|EURL)"), company.legalName());
        }
        assertNotEquals(
                new SandboxData(pennylane, 1, Instant.now()).company(),
                new SandboxData(pennylane, 2, Instant.now()).company(),
                "another grant, another company");
    }

    @Test
    void theDataApiNeedsAValidToken() {
        given().get("/sandbox/xero/api/invoices")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body(containsString("invalid_token"));
        given().header("Authorization", "Bearer not-a-token")
                .get("/sandbox/xero/api/invoices")
                .then()
                .statusCode(401);
        given().header("Authorization", "Basic Y29ubmVjdGlvbi1wb3J0YWw6c2FuZGJveC1zZWNyZXQ=")
                .get("/sandbox/xero/api/invoices")
                .then()
                .statusCode(401);

        Tokens tokens = tokens("xero", "offline_access invoices.read");
        api("xero", "invoices", tokens.access()).then().statusCode(200);
        api("qonto", "bank-accounts", tokens.access()).then().statusCode(401);

        later(Duration.ofMinutes(6));
        api("xero", "invoices", tokens.access())
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        // Still usable through its refresh token, which lives for thirty days.
        String fresh = refresh("xero", tokens.refresh())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("access_token");
        api("xero", "invoices", fresh).then().statusCode(200);
    }

    @Test
    void theDataApiServesOnlyTheGrantedScopes() {
        Tokens tokens = tokens("xero", "invoices.read");
        api("xero", "company", tokens.access())
                .then()
                .statusCode(403)
                .header("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
        // Xero is accounting software: it keeps no orders.
        api("xero", "orders", tokens.access())
                .then()
                .statusCode(403)
                .header("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
        api("xero", "no-such-thing", tokens.access()).then().statusCode(404);
    }

    // ----- the whole journey, with the portal's own connector -----

    /**
     * The connector calls the sandbox's token endpoint at {@code portal.base-url}, like any provider. With
     * {@code -Dquarkus.http.test-port=0} that URL says port 0 and nothing answers there, so this test
     * runs only when the base URL names the real port (the default test port, as in {@code ./mvnw verify}).
     */
    @Test
    void thePortalConnectsThroughTheSandboxAndReadsWithTheStoredToken() {
        Assumptions.assumeFalse(
                URI.create(client.redirectUri()).getPort() == 0,
                "portal.base-url points at port 0: the connector could not call the sandbox back");
        Browser browser = new Browser();
        String email = browser.signUp("Sandbox Journey Co");
        browser.get("/connect/platforms/xero");
        Response start = browser.post("/connect/platforms/xero", Map.of("agree", "yes"));
        assertEquals(303, start.statusCode(), start.body().asString());
        String authorizationUrl = start.header("Location");
        assertTrue(
                authorizationUrl.startsWith(client.issuer(catalog.find("xero").orElseThrow()) + "/oauth/authorize?"),
                authorizationUrl);

        // The provider's page, in the same browser, then Allow. (Decoded parameters: RestAssured encodes them itself.)
        URI uri = URI.create(authorizationUrl);
        Response page = browser.request().queryParams(query(authorizationUrl)).get(uri.getRawPath());
        assertEquals(200, page.statusCode(), page.body().asString());
        page.then().body(containsString("Sign in to Xero (Sandbox)")).body(containsString("See your supplier bills"));
        Map<String, Object> form = new LinkedHashMap<>(query(authorizationUrl));
        form.put("csrf-token", csrf(page));
        form.put("email", "demo@sandbox.example");
        form.put("decision", "allow");
        Response allowed = browser.post(uri.getRawPath(), form);
        assertEquals(303, allowed.statusCode(), allowed.body().asString());

        // Back at the portal: the connector trades the code for tokens over HTTP, as with any provider.
        URI callback = URI.create(allowed.header("Location"));
        Response linked =
                browser.request().queryParams(query(allowed.header("Location"))).get(callback.getRawPath());
        assertEquals(303, linked.statusCode(), linked.body().asString());
        assertTrue(linked.header("Location").contains("/connect/connected/"), linked.header("Location"));
        long connection = ((Number) Rows.single(
                        "select c.id from connection c join app_user u on u.company_id = c.company_id "
                                + "where u.email = ?1 and c.status = 'LINKED' and c.sandbox = true",
                        email))
                .longValue();
        String access = cipher.decrypt(
                (String) Rows.single("select access_token_enc from connection where id = ?1", connection),
                "connection:" + connection + ":access");
        api("xero", "company", access).then().statusCode(200).body(containsString("\"baseCurrency\":\"GBP\""));
    }

    // ----- fault switches -----

    @Test
    void faultsMakeRevocationFailAndRefreshTokensStopWorking() {
        Tokens tokens = tokens("xero", "offline_access invoices.read");
        faults.failNextRevocations(2);

        basic().formParams(Map.of("token", tokens.access()))
                .post(revokePath("xero"))
                .then()
                .statusCode(503)
                .body(containsString("temporarily_unavailable"));
        basic().formParams(Map.of("token", tokens.access()))
                .post(revokePath("xero"))
                .then()
                .statusCode(503);
        api("xero", "invoices", tokens.access()).then().statusCode(200);
        basic().formParams(Map.of("token", tokens.access()))
                .post(revokePath("xero"))
                .then()
                .statusCode(200);
        api("xero", "invoices", tokens.access()).then().statusCode(401);

        faults.rejectRefreshToken(tokens.refresh());
        assertEquals(
                "invalid_grant",
                refresh("xero", tokens.refresh())
                        .then()
                        .statusCode(400)
                        .extract()
                        .jsonPath()
                        .getString("error"));
        faults.reset();
        refresh("xero", tokens.refresh()).then().statusCode(200);
    }

    // ----- helpers -----

    record Pkce(String verifier, String challenge) {}

    record Tokens(String access, String refresh) {}

    /** Builds a token request for the authorization_code grant. */
    record Exchange(String code, Pkce pkce, String redirectUri) {
        Map<String, String> build() {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "authorization_code");
            form.put("code", code);
            form.put("redirect_uri", redirectUri);
            form.put("code_verifier", pkce.verifier());
            return form;
        }
    }

    private static Pkce pkce() {
        String verifier = Secrets.random();
        return new Pkce(verifier, Secrets.s256(verifier));
    }

    private Map<String, String> request(String scope, Pkce pkce) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", CLIENT_ID);
        params.put("redirect_uri", client.redirectUri());
        params.put("scope", scope);
        params.put("state", "state-123");
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        return params;
    }

    private Exchange exchange(String code, Pkce pkce) {
        return new Exchange(code, pkce, client.redirectUri());
    }

    /** Shows the consent page in a fresh browser and presses a button on it. */
    private Response consent(String platform, Map<String, String> params, String decision, String email) {
        Browser browser = new Browser();
        Response page = browser.request().queryParams(params).get("/sandbox/" + platform + "/oauth/authorize");
        assertEquals(200, page.statusCode(), page.body().asString());
        Map<String, Object> form = new LinkedHashMap<>(params);
        form.put("csrf-token", csrf(page));
        form.put("email", email);
        form.put("password", "typed-secret-password");
        form.put("decision", decision);
        return browser.post("/sandbox/" + platform + "/oauth/authorize", form);
    }

    /** The browser side of the flow: returns the authorization code of an Allow. */
    private String authorize(String platform, String scope, Pkce pkce) {
        Response response = consent(platform, request(scope, pkce), "allow", "demo@sandbox.example");
        assertEquals(303, response.statusCode(), response.body().asString());
        return query(response).get("code");
    }

    private Tokens tokens(String platform, String scope) {
        Pkce pkce = pkce();
        String code = authorize(platform, scope, pkce);
        JsonPath json = basic().formParams(exchange(code, pkce).build())
                .post(tokenPath(platform))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return new Tokens(json.getString("access_token"), json.getString("refresh_token"));
    }

    private Response refresh(String platform, String refreshToken) {
        return basic().formParams(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken))
                .post(tokenPath(platform));
    }

    private static Response api(String platform, String resource, String accessToken) {
        return given().header("Authorization", "Bearer " + accessToken)
                .get("/sandbox/" + platform + "/api/" + resource);
    }

    private static RequestSpecification form() {
        return given().contentType("application/x-www-form-urlencoded");
    }

    private static RequestSpecification basic() {
        return form().auth().preemptive().basic(CLIENT_ID, SECRET);
    }

    private static String tokenPath(String platform) {
        return "/sandbox/" + platform + "/oauth/token";
    }

    private static String revokePath(String platform) {
        return "/sandbox/" + platform + "/oauth/revoke";
    }

    private void assertRedirectError(Map<String, String> params, String error) {
        Response response = new Browser().request().queryParams(params).get("/sandbox/xero/oauth/authorize");
        assertEquals(303, response.statusCode(), response.body().asString());
        assertTrue(response.header("Location").startsWith(client.redirectUri() + "?"));
        Map<String, String> query = query(response);
        assertEquals(error, query.get("error"));
        assertEquals("state-123", query.get("state"));
        assertEquals(client.issuer(catalog.find("xero").orElseThrow()), query.get("iss"));
    }

    /** Moves the sandbox's clock forward for the rest of this test (QuarkusMock undoes it afterwards). */
    private static void later(Duration duration) {
        QuarkusMock.installMockForType(
                new SandboxClock() {
                    @Override
                    public Instant now() {
                        return Instant.now().plus(duration);
                    }
                },
                SandboxClock.class);
    }

    private static String csrf(Response page) {
        Matcher matcher = CSRF.matcher(page.body().asString());
        assertTrue(matcher.find(), "the page carries a CSRF token");
        return matcher.group(1);
    }

    private static Map<String, String> query(Response redirect) {
        return query(redirect.header("Location"));
    }

    private static Map<String, String> query(String location) {
        Map<String, String> params = new LinkedHashMap<>();
        int start = location.indexOf('?');
        if (start < 0) {
            return params;
        }
        for (String pair : location.substring(start + 1).split("&")) {
            int eq = pair.indexOf('=');
            params.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
