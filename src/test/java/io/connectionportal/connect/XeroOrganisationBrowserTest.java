package io.connectionportal.connect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.BrowserTest;
import io.connectionportal.testing.Chromium;
import io.connectionportal.testing.Chromium.Walk;
import io.connectionportal.testing.OrganisationsProvider;
import io.connectionportal.testing.Walks;

/** Choosing the Xero organisation after granting several, as the business does it, checked by axe. */
@QuarkusTest
@BrowserTest
class XeroOrganisationBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @OrganisationsProvider.Server
    WireMockServer provider;

    @Walks
    void severalOrganisationsAreOfferedAndTheChosenOneIsNamedOnTheConnectionPage(Walk walk, Page page) {
        provider.stubFor(post(urlEqualTo(OrganisationsProvider.TOKEN_PATH))
                .willReturn(okJson("{\"access_token\":\"xero-access\",\"token_type\":\"Bearer\",\"expires_in\":1800,"
                        + "\"refresh_token\":\"xero-refresh\"}")));
        provider.stubFor(get(urlEqualTo(OrganisationsProvider.API_PATH + "/connections"))
                .willReturn(okJson(fixture("xero/connections-two.json"))));
        // The provider's sign-in page; the test then comes back on the callback as the provider's redirect would.
        provider.stubFor(get(urlPathEqualTo("/organisations/authorize"))
                .willReturn(aResponse().withStatus(200).withBody("sign in")));
        Chromium.signUp(walk, page, root, Browser.uniqueEmail(), "Maple Florists");
        page.navigate(root + "connect/platforms/" + OrganisationsProvider.PLATFORM);
        Chromium.click(
                walk,
                page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Agree and continue to Sage 50 Accounts")));
        Chromium.assertUrlContains(page, "/organisations/authorize");
        String state = ThirdPartyConnectTest.query(page.url()).get("state");

        page.navigate(root + "connect/callback?code=the-code&state=" + state);
        Chromium.assertUrlContains(page, "/organisation");
        assertThat(page.locator("h1")).containsText("Choose the Sage 50 Accounts organisation");
        Chromium.check(walk, page, "connect", "organisation");

        Chromium.click(
                walk, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Read this organisation")));
        assertThat(page.locator(".error-summary")).containsText("Choose one of the organisations listed.");
        Chromium.check(walk, page, "connect", "organisation-error");

        Chromium.tick(page.getByLabel("Maple Florists"));
        Chromium.click(
                walk, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Read this organisation")));
        assertThat(page.locator(".facts").first()).containsText("Maple Florists");
    }

    private static String fixture(String name) {
        try (InputStream in = XeroOrganisationBrowserTest.class.getResourceAsStream("/providers/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
