package io.connectionportal.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.connect.RedirectSignature;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;
import io.connectionportal.testing.TokenProvider;

/**
 * Hosted links (I2, I3), as the integrator and its customer see them: made by the API, opened once with no sign-up,
 * narrowed, and ended by a redirect whose outcome the integrator verifies with an HMAC written here from the
 * documented scheme, never with the portal's own code.
 */
@QuarkusTest
class HostedLinkTest {

    static final String BACK = "https://app.lender.example/connected";
    private static final Pattern BACK_LINK =
            Pattern.compile("href=\"(https://app\\.lender\\.example/connected[^\"]*)\"");

    @Inject
    RedirectSignature signature;

    @Test
    void aBusinessConnectsThroughALinkWithoutSigningUpAndGoesBackWithAVerifiableOutcome() {
        long company = company("Boulangerie Lien");
        Response created = link(company, "{\"redirectUrl\":\"" + BACK + "?customer=c-1\"}");
        created.then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/companies/" + company + "/links/" + created.path("id")))
                .body("url", containsString("/link/"))
                .body("status", equalTo("created"))
                .body("categories", hasItem("accounting"));
        Instant expiresAt = Instant.parse(created.path("expiresAt"));
        assertTrue(expiresAt.isAfter(Instant.now().plus(Duration.ofDays(6))), "seven days by default");

        Browser business = new Browser();
        String path = SandboxJourney.path(created.path("url"));
        business.get(path).then().statusCode(200).body(containsString("Boulangerie Lien"));
        assertEquals(0, linkedEvents(company), "opening the page uses nothing");
        business.post(path, Map.of()).then().statusCode(303).header("Location", endsWith("/connect"));
        business.get("/connect").then().statusCode(200);

        Response back = followToPortal(business, SandboxJourney.answer(business, "xero", SandboxJourney.ALLOW));
        back.then().statusCode(303).header("Location", endsWith("/link/done"));
        Response done = business.get("/link/done");
        done.then().statusCode(200).body(containsString("name=\"password\""));
        Map<String, String> outcome = verified(backLink(done));
        assertEquals("linked", outcome.get("status"));
        assertEquals(Long.toString(company), outcome.get("companyId"));
        assertEquals(created.path("id").toString(), outcome.get("linkId"));
        assertEquals("c-1", outcome.get("customer"), "the integrator's own parameters are kept");
        long connection = Long.parseLong(outcome.get("connectionId"));
        assertEquals(
                "LINKED",
                Rows.single("select status from connection where id = ?1 and company_id = ?2", connection, company));
        assertEquals(1, linkedEvents(company), "exactly one connection.linked");

        Api.request()
                .get("/api/v1/companies/" + company + "/links/" + created.path("id"))
                .then()
                .statusCode(200)
                .body("status", equalTo("linked"))
                .body("connectionId", equalTo((int) connection))
                .body("url", nullValue());

        // Single use: a second visit, or the same browser again, gets a clear page and a way back saying why.
        Response again = new Browser().get(path);
        again.then().statusCode(410);
        Map<String, String> used = verified(backLink(again));
        assertEquals("error", used.get("status"));
        assertEquals("link_used", used.get("errorCode"));
        business.post(path, Map.of()).then().statusCode(410);
    }

    @Test
    void theBusinessMayKeepAnAccountAtTheEndAndSignInLaterToItsDashboard() {
        long company = company("Atelier Compte");
        Browser business =
                opened(company, "{\"redirectUrl\":\"" + BACK + "\",\"platform\":\"xero\"}", "/connect/platforms/xero");
        followToPortal(business, SandboxJourney.answer(business, "xero", SandboxJourney.ALLOW));
        business.get("/link/done").then().statusCode(200);

        business.post("/link/done", Map.of("email", "not an address", "password", "short"))
                .then()
                .statusCode(400)
                .body(containsString("not an address"));
        String email = Browser.uniqueEmail();
        Response kept = business.post("/link/done", Map.of("email", email, "password", Browser.PASSWORD));
        kept.then().statusCode(303).header("Location", startsWith(BACK + "?"));
        assertEquals("linked", verified(kept.header("Location")).get("status"));

        Browser later = new Browser();
        later.submit("/login", "/login", Map.of("email", email, "password", Browser.PASSWORD))
                .then()
                .statusCode(303);
        later.get("/connections").then().statusCode(200).body(containsString("Xero"));
    }

    @Test
    void aBusinessThatSkippedTheOfferKeepsItsAccountLaterFromItsAccountPage() {
        long company = company("Épicerie Plus Tard");
        Browser business = opened(company, "{\"redirectUrl\":\"" + BACK + "\"}", "/connect");
        business.get("/account")
                .then()
                .statusCode(200)
                .body(containsString("action=\"/account/keep\""))
                .body(not(containsString("href=\"/account/password\"")));
        // With no password yet, nothing that asks for it again can be done.
        business.submit(
                        "/account/confirm",
                        "/account/confirm",
                        Map.of("password", "anything at all", "next", "/account"))
                .then()
                .statusCode(not(303));

        business.post("/account/keep", Map.of("email", "x", "password", Browser.PASSWORD))
                .then()
                .statusCode(400);
        String email = Browser.uniqueEmail();
        business.post("/account/keep", Map.of("email", email, "password", Browser.PASSWORD))
                .then()
                .statusCode(303)
                .header("Location", endsWith("/account"));
        business.get("/account").then().body(containsString(email));
        business.confirmPassword();
    }

    @Test
    void denyingAtThePlatformGoesBackCancelledAndAFailureGoesBackWithItsErrorCode() {
        long company = company("Garage Refus");
        Browser denying = opened(company, "{\"redirectUrl\":\"" + BACK + "\"}", "/connect");
        Response cancelled = followToPortal(denying, SandboxJourney.answer(denying, "xero", SandboxJourney.DENY));
        cancelled.then().statusCode(303).header("Location", startsWith(BACK + "?"));
        Map<String, String> outcome = verified(cancelled.header("Location"));
        assertEquals("cancelled", outcome.get("status"));
        assertNull(outcome.get("connectionId"), "nothing was connected");
        assertEquals(0, Rows.count("connection", "company_id = ?1", company));

        Browser failing = opened(company, "{\"redirectUrl\":\"" + BACK + "\"}", "/connect");
        Response error = failing.get("/connect/callback?state=forged-state&code=anything");
        error.then().statusCode(303).header("Location", startsWith(BACK + "?"));
        Map<String, String> failed = verified(error.header("Location"));
        assertEquals("error", failed.get("status"));
        assertEquals("invalid_state", failed.get("errorCode"));
    }

    @Test
    void aCallbackWithoutIssFromAProviderDeclaringItGoesBackWithIssuerMissing() {
        long company = company("Atelier Muet");
        Browser business = opened(company, "{\"redirectUrl\":\"" + BACK + "\"}", "/connect");
        business.get("/connect/platforms/" + TokenProvider.DISCOVERED_PLATFORM);
        Response started =
                business.post("/connect/platforms/" + TokenProvider.DISCOVERED_PLATFORM, Map.of("agree", "yes"));
        started.then().statusCode(303);
        String state = URI.create(started.header("Location")).getQuery().replaceAll(".*(?:^|&)state=([^&]*).*", "$1");
        Response refused = business.get("/connect/callback?code=anything&state=" + state);
        refused.then().statusCode(303).header("Location", startsWith(BACK + "?"));
        Map<String, String> failed = verified(refused.header("Location"));
        assertEquals("error", failed.get("status"));
        assertEquals("issuer_missing", failed.get("errorCode"));
        assertEquals(0, Rows.count("connection", "company_id = ?1", company), "the attempt is discarded");
    }

    @Test
    void leavingBeforeConnectingTellsTheIntegratorTheBusinessCancelled() {
        long company = company("Fromagerie Départ");
        Browser business = opened(company, "{\"redirectUrl\":\"" + BACK + "\"}", "/connect");
        business.get("/connect/platforms").then().statusCode(200).body(containsString("action=\"/link/leave\""));
        Response left = business.post("/link/leave", Map.of());
        assertEquals("cancelled", verified(left.header("Location")).get("status"));
    }

    @Test
    void anExpiredLinkShowsAClearPageAndGoesBackWithLinkExpired() {
        long company = company("Librairie Tard");
        Response created = link(company, "{\"redirectUrl\":\"" + BACK + "\",\"expiresIn\":300}");
        created.then().statusCode(201);
        Rows.execute(
                "update hosted_link set expires_at = ?1 where id = ?2",
                Instant.now().minusSeconds(1),
                created.<Integer>path("id").longValue());
        Browser business = new Browser();
        String path = SandboxJourney.path(created.path("url"));
        Response gone = business.get(path);
        gone.then().statusCode(410).body(containsString("expired"));
        Map<String, String> outcome = verified(backLink(gone));
        assertEquals("error", outcome.get("status"));
        assertEquals("link_expired", outcome.get("errorCode"));
        business.post(path, Map.of()).then().statusCode(410);
        assertEquals(
                0L,
                Rows.count(
                        "hosted_link",
                        "id = ?1 and opened_at is not null",
                        created.<Integer>path("id").longValue()));
        Api.request()
                .get("/api/v1/companies/" + company + "/links/" + created.path("id"))
                .then()
                .body("status", equalTo("expired"));
    }

    @Test
    void aLinkNarrowedToAPlatformOrAKindOfDataOffersNothingElse() {
        long company = company("Cave Étroite");
        Browser toXero =
                opened(company, "{\"redirectUrl\":\"" + BACK + "\",\"platform\":\"xero\"}", "/connect/platforms/xero");
        toXero.get("/connect/platforms/xero").then().statusCode(200);
        toXero.get("/connect/platforms/qonto").then().statusCode(404);
        toXero.get("/connect/platforms/quickbooks-online").then().statusCode(404);

        Browser banking =
                opened(company, "{\"redirectUrl\":\"" + BACK + "\",\"categories\":[\"banking\"]}", "/connect");
        banking.get("/connect/platforms/qonto").then().statusCode(200);
        banking.get("/connect/platforms/xero").then().statusCode(404);
        String picker = banking.get("/connect/platforms").body().asString();
        assertTrue(picker.contains("/connect/platforms/qonto"));
        assertFalse(picker.contains("/connect/platforms/xero"));
    }

    @Test
    void aRedirectOffTheAllowListIsRefusedNamingTheRule() {
        long company = company("Boucherie Liste");
        for (String url : List.of(
                "https://app.lender.example.evil.test/connected",
                "https://app.lender.example/connected-elsewhere",
                "https://evil.test/",
                "http://app.lender.example/connected",
                "https://user@app.lender.example/connected",
                "javascript:alert(1)",
                "/connected")) {
            link(company, "{\"redirectUrl\":\"" + url + "\"}")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("redirectUrl"));
        }
        link(company, "{\"redirectUrl\":\"https://app.lender.example.evil.test/connected\"}")
                .then()
                .body("errors[0].detail", containsString("allow-list"));
        link(company, "{\"redirectUrl\":\"" + BACK + "/deeper?x=1\"}").then().statusCode(201);
    }

    @Test
    void badBodiesUnknownCompaniesAndOtherCompaniesLinksAreRefused() {
        long company = company("Pharmacie Erreurs");
        link(company, "{\"redirectUrl\":\"" + BACK + "\",\"redirect\":\"x\"}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("redirect"));
        link(company, "{\"redirectUrl\":\"" + BACK + "\",\"categories\":[\"payroll\"]}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("categories"));
        link(company, "{\"redirectUrl\":\"" + BACK + "\",\"platform\":\"nope\"}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("platform"));
        link(company, "{\"redirectUrl\":\"" + BACK + "\",\"platform\":\"xero\",\"categories\":[\"banking\"]}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("platform"));
        link(company, "{\"redirectUrl\":\"" + BACK + "\",\"expiresIn\":10}")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("expiresIn"));
        link(company, "[]").then().statusCode(400);
        link(987654321L, "{\"redirectUrl\":\"" + BACK + "\"}").then().statusCode(404);

        long other = company("Autre Société");
        Response mine = link(company, "{\"redirectUrl\":\"" + BACK + "\"}");
        Api.request()
                .get("/api/v1/companies/" + other + "/links/" + mine.path("id"))
                .then()
                .statusCode(404);
        Api.as("not-a-key")
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/companies/" + company + "/links")
                .then()
                .statusCode(401);
        new Browser().get("/link/not-a-token").then().statusCode(404);
    }

    @Test
    void aRetriedCreationWithTheSameIdempotencyKeyMakesOneLink() {
        long company = company("Opticien Retry");
        String body = "{\"redirectUrl\":\"" + BACK + "\"}";
        String key = Api.unique("link");
        Response first = Api.request()
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/companies/" + company + "/links");
        Response second = Api.request()
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/companies/" + company + "/links");
        first.then().statusCode(201);
        second.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.<Integer>path("id"), second.<Integer>path("id"));
        assertEquals(first.<String>path("url"), second.<String>path("url"), "the retry gets the link it lost");
        assertEquals(1, Rows.count("hosted_link", "company_id = ?1", company));
        String token =
                first.<String>path("url").substring(first.<String>path("url").lastIndexOf('/') + 1);
        assertEquals(
                0,
                Rows.count("api_idempotency_key", "response_body like ?1", "%" + token + "%"),
                "the stored answer is encrypted");
    }

    @Test
    void theLinkTokenIsStoredOnlyAsItsHash() {
        long company = company("Traiteur Hash");
        Response created = link(company, "{\"redirectUrl\":\"" + BACK + "\"}");
        String url = created.path("url");
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertEquals(0, Rows.count("hosted_link", "token_hash = ?1", token));
        assertEquals(
                1,
                Rows.count("hosted_link", "id = ?1", created.<Integer>path("id").longValue()));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static long company(String name) {
        return Api.createCompany(Api.company(name, Api.unique("ref")))
                .then()
                .statusCode(201)
                .extract()
                .<Integer>path("id")
                .longValue();
    }

    private static Response link(long company, String body) {
        return Api.request().contentType(ContentType.JSON).body(body).post("/api/v1/companies/" + company + "/links");
    }

    /** A business browser that opened a fresh link and was sent to {@code firstPage}. */
    private static Browser opened(long company, String body, String firstPage) {
        Response created = link(company, body);
        created.then().statusCode(201);
        Browser business = new Browser();
        String path = SandboxJourney.path(created.path("url"));
        business.get(path).then().statusCode(200);
        business.post(path, Map.of()).then().statusCode(303).header("Location", endsWith(firstPage));
        return business;
    }

    private static Response followToPortal(Browser browser, Response fromProvider) {
        fromProvider.then().statusCode(303);
        return browser.get(SandboxJourney.path(fromProvider.header("Location")));
    }

    private static long linkedEvents(long company) {
        return Rows.count(
                "webhook_delivery",
                "event_type = 'connection.linked' and company_id = ?1"
                        + " and endpoint_id = (select id from webhook_endpoint where name = 'test')",
                company);
    }

    private static String backLink(Response page) {
        Matcher href = BACK_LINK.matcher(page.body().asString());
        assertTrue(href.find(), "a link back to the integrator");
        return href.group(1).replace("&amp;", "&");
    }

    /**
     * What the integrator's app does: rebuild the signed text from the outcome's parameters in the documented order,
     * compute HMAC-SHA256 with the secret, and compare in constant time. Returns every query parameter.
     */
    private Map<String, String> verified(String redirect) {
        URI uri = URI.create(redirect);
        assertEquals("app.lender.example", uri.getHost());
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        StringBuilder signed = new StringBuilder();
        for (String name : List.of("companyId", "connectionId", "status", "errorCode", "linkId", "timestamp")) {
            if (query.containsKey(name)) {
                signed.append(signed.length() == 0 ? "" : "&")
                        .append(name)
                        .append('=')
                        .append(query.get(name));
            }
        }
        String secret = signature.secret();
        assertTrue(secret.startsWith("whsec_"));
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String expected = "v1,"
                    + Base64.getEncoder()
                            .encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
            assertTrue(
                    MessageDigest.isEqual(
                            expected.getBytes(StandardCharsets.US_ASCII),
                            query.get("signature").getBytes(StandardCharsets.US_ASCII)),
                    "the redirect's signature verifies");
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        long age = Instant.now().getEpochSecond() - Long.parseLong(query.get("timestamp"));
        assertTrue(age >= 0 && age < 600, "signed just now");
        assertThat(query.get("linkId"), notNullValue());
        return query;
    }
}
