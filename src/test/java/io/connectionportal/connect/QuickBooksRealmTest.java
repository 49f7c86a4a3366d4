package io.connectionportal.connect;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URLEncoder;
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
 * QuickBooks Online names the company a grant is for on the callback ({@code realmId}, the preset's
 * accountParameter): it is stored as the connection's account, which every data read puts in its path; a callback
 * without a usable one is refused before any token request. Against a stand-in given QuickBooks' callback shape.
 */
@QuarkusTest
class QuickBooksRealmTest {

    @OrganisationsProvider.Server
    WireMockServer provider;

    @BeforeEach
    void tokens() {
        provider.resetAll();
        provider.stubFor(post(urlEqualTo(OrganisationsProvider.REALM_TOKEN_PATH))
                .willReturn(okJson("{\"access_token\":\"qbo-access\",\"token_type\":\"bearer\",\"expires_in\":3600,"
                        + "\"refresh_token\":\"qbo-refresh\",\"x_refresh_token_expires_in\":8726400}")));
    }

    @Test
    void theRealmIdOnTheCallbackBecomesTheConnectionsAccount() {
        Browser browser = new Browser();
        browser.signUp("Realm Bakery");

        Response callback = callback(browser, "&realmId=9130349812345678");

        assertEquals(303, callback.statusCode(), callback.body().asString());
        String path = URI.create(callback.header("Location")).getPath();
        long id = Long.parseLong(path.substring("/connect/connected/".length()));
        assertEquals("9130349812345678", Rows.single("select provider_account_id from connection where id = ?1", id));
    }

    @Test
    void aCallbackWithoutARealmIdIsRefusedBeforeAnyTokenRequest() {
        Browser browser = new Browser();
        String email = browser.signUp("No Realm Bakery");

        Response callback = callback(browser, "");

        assertEquals(502, callback.statusCode());
        assertEquals(0, connections(email), "nothing left behind");
        provider.verify(0, postRequestedFor(urlEqualTo(OrganisationsProvider.REALM_TOKEN_PATH)));
    }

    @Test
    void aRealmIdThatIsNoIdentifierIsRefused() {
        Browser browser = new Browser();
        String email = browser.signUp("Odd Realm Bakery");

        Response callback = callback(browser, "&realmId=" + URLEncoder.encode("1/../../admin", StandardCharsets.UTF_8));

        assertEquals(502, callback.statusCode());
        assertEquals(0, connections(email));
        provider.verify(0, postRequestedFor(urlEqualTo(OrganisationsProvider.REALM_TOKEN_PATH)));
    }

    private static Response callback(Browser browser, String realm) {
        String platform = "/connect/platforms/" + OrganisationsProvider.REALM_PLATFORM;
        browser.get(platform);
        Response start = browser.post(platform, Map.of("agree", "yes"));
        assertEquals(303, start.statusCode(), start.body().asString());
        String state = ThirdPartyConnectTest.query(start.header("Location")).get("state");
        return browser.get("/connect/callback?code=the-code&state=" + state + realm);
    }

    private static long connections(String email) {
        return Rows.count("connection c join app_user u on u.company_id = c.company_id", "u.email = ?1", email);
    }
}
