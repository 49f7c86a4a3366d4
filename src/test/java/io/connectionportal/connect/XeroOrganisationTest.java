package io.connectionportal.connect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.OrganisationsProvider;
import io.connectionportal.testing.Rows;

/**
 * Xero's post-connect step ({@code xero-tenants}) through the real callback, against a stand-in answering
 * {@code GET /connections} with Xero's documented example: one organisation is stored at once; several send the
 * business to choose one (its own company's connection only, an organisation from the list only); none, or an
 * error, fails honestly and revokes the grant.
 */
@QuarkusTest
class XeroOrganisationTest {

    private static final String DEMO_COMPANY = "fe79f7dd-b6d4-4a92-ba7b-538af6289c58";
    private static final String MAPLE_FLORISTS = "0b6d1e36-8f2a-4c5d-9e7f-1a2b3c4d5e6f";
    private static final String PRACTICE = "9c8b7a69-5847-4362-8150-f0e1d2c3b4a5";

    @OrganisationsProvider.Server
    WireMockServer provider;

    @BeforeEach
    void aFreshGrant() {
        provider.resetAll();
        provider.stubFor(
                post(urlEqualTo(OrganisationsProvider.TOKEN_PATH))
                        .willReturn(
                                okJson(
                                        "{\"access_token\":\"xero-access\",\"token_type\":\"Bearer\",\"expires_in\":1800,"
                                                + "\"refresh_token\":\"xero-refresh\",\"scope\":\"offline_access accounting.settings.read\"}")));
        provider.stubFor(post(urlEqualTo(OrganisationsProvider.REVOCATION_PATH))
                .willReturn(aResponse().withStatus(200)));
    }

    @Test
    void oneOrganisationIsStoredWithTheConnectionAndShownOnItsPage() {
        tenants(okJson(fixture("xero/connections-one.json")));
        Browser browser = new Browser();
        browser.signUp("One Organisation Ltd");

        Response callback = connect(browser);

        assertEquals(303, callback.statusCode(), callback.body().asString());
        long id = connectionId(callback.header("Location"), "/connect/connected/");
        assertEquals(DEMO_COMPANY, account(id));
        assertEquals(
                "Demo Company (NZ)", Rows.single("select provider_account_name from connection where id = ?1", id));
        provider.verify(getRequestedFor(urlEqualTo(OrganisationsProvider.API_PATH + "/connections"))
                .withHeader("Authorization", equalTo("Bearer xero-access")));
        String page = browser.get("/connections/" + id).body().asString();
        assertTrue(page.contains("Demo Company (NZ)"), "the connection page names the organisation");
        assertEquals(404, browser.get("/connections/" + id + "/organisation").statusCode(), "nothing to choose");
    }

    @Test
    void severalOrganisationsAreOfferedAndTheChosenOneIsStored() {
        tenants(okJson(fixture("xero/connections-two.json")));
        Browser browser = new Browser();
        browser.signUp("Two Organisations Ltd");

        Response callback = connect(browser);

        assertEquals(303, callback.statusCode(), callback.body().asString());
        long id = connectionId(callback.header("Location"), "/connections/");
        assertEquals("/connections/" + id + "/organisation", path(callback.header("Location")));
        assertEquals("LINKED", Rows.single("select status from connection where id = ?1", id));
        assertNull(account(id), "no organisation until the business chooses");
        String detail = browser.get("/connections/" + id).body().asString();
        assertTrue(detail.contains("/connections/" + id + "/organisation"), "the connection page asks to choose");

        String page = browser.get("/connections/" + id + "/organisation").body().asString();
        assertTrue(page.contains("Demo Company (NZ)") && page.contains("Maple Florists"));
        assertFalse(page.contains("Maple Practice"), "a practice tenant has no accounting data");
        Response chosen = browser.submit(
                "/connections/" + id + "/organisation",
                "/connections/" + id + "/organisation",
                Map.of("organisation", MAPLE_FLORISTS));

        assertEquals(303, chosen.statusCode(), chosen.body().asString());
        assertEquals("/connections/" + id, path(chosen.header("Location")));
        assertEquals(MAPLE_FLORISTS, account(id));
        assertEquals("Maple Florists", Rows.single("select provider_account_name from connection where id = ?1", id));
        assertEquals(0, Rows.count("provider_account_choice", "connection_id = ?1", id));
        assertEquals(404, browser.get("/connections/" + id + "/organisation").statusCode(), "chosen once");
    }

    @Test
    void anOrganisationNotInTheListIsRefusedWithTheReason() {
        tenants(okJson(fixture("xero/connections-two.json")));
        Browser browser = new Browser();
        browser.signUp("Tampering Ltd");
        long id = connectionId(connect(browser).header("Location"), "/connections/");

        for (String offered : new String[] {PRACTICE, "", "not-a-tenant"}) {
            Response refused = browser.submit(
                    "/connections/" + id + "/organisation",
                    "/connections/" + id + "/organisation",
                    Map.of("organisation", offered));

            assertEquals(400, refused.statusCode());
            assertTrue(refused.body().asString().contains("Choose one of the organisations listed."));
        }
        assertNull(account(id));
        assertEquals(2, Rows.count("provider_account_choice", "connection_id = ?1", id));
    }

    @Test
    void anotherCompanysConnectionIsNotFound() {
        tenants(okJson(fixture("xero/connections-two.json")));
        Browser owner = new Browser();
        owner.signUp("Owner Ltd");
        long id = connectionId(connect(owner).header("Location"), "/connections/");
        Browser stranger = new Browser();
        stranger.signUp("Stranger Ltd");

        assertEquals(404, stranger.get("/connections/" + id + "/organisation").statusCode());
        Response post = stranger.post("/connections/" + id + "/organisation", Map.of("organisation", DEMO_COMPANY));

        assertEquals(404, post.statusCode());
        assertNull(account(id));
    }

    @Test
    void noOrganisationGrantedFailsHonestlyAndRevokesTheGrant() {
        tenants(okJson("[]"));
        Browser browser = new Browser();
        String email = browser.signUp("No Organisation Ltd");

        Response callback = connect(browser);

        assertEquals(400, callback.statusCode());
        assertTrue(callback.body().asString().contains("gave access to no organisation we can read"));
        assertEquals(0, connections(email), "nothing left behind");
        provider.verify(postRequestedFor(urlEqualTo(OrganisationsProvider.REVOCATION_PATH)));
    }

    @Test
    void xeroFailingToListTheOrganisationsFailsTheConnectionAndRevokesTheGrant() {
        tenants(aResponse().withStatus(500));
        Browser browser = new Browser();
        String email = browser.signUp("Xero Down Ltd");

        Response callback = connect(browser);

        assertEquals(502, callback.statusCode());
        assertEquals(0, connections(email));
        provider.verify(postRequestedFor(urlEqualTo(OrganisationsProvider.REVOCATION_PATH)));
    }

    private void tenants(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        provider.stubFor(
                get(urlEqualTo(OrganisationsProvider.API_PATH + "/connections")).willReturn(answer));
    }

    /** Starts a connection and comes back from the provider with a code, as its redirect would. */
    private static Response connect(Browser browser) {
        String platform = "/connect/platforms/" + OrganisationsProvider.PLATFORM;
        browser.get(platform);
        Response start = browser.post(platform, Map.of("agree", "yes"));
        assertEquals(303, start.statusCode(), start.body().asString());
        String state = ThirdPartyConnectTest.query(start.header("Location")).get("state");
        return browser.get("/connect/callback?code=the-code&state=" + state);
    }

    private static long connections(String email) {
        return Rows.count("connection c join app_user u on u.company_id = c.company_id", "u.email = ?1", email);
    }

    private static String account(long id) {
        return (String) Rows.single("select provider_account_id from connection where id = ?1", id);
    }

    private static String path(String location) {
        return java.net.URI.create(location).getPath();
    }

    private static long connectionId(String location, String prefix) {
        String path = path(location);
        assertTrue(path.startsWith(prefix), path);
        return Long.parseLong(path.substring(prefix.length()).split("/")[0]);
    }

    private static String fixture(String name) {
        try (InputStream in = XeroOrganisationTest.class.getResourceAsStream("/providers/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
