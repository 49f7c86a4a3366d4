package io.connectionportal.connect;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import java.net.URL;
import java.util.UUID;

import jakarta.inject.Inject;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;

import io.connectionportal.api.RedirectAllowList;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.BrowserTest;
import io.connectionportal.testing.Chromium;
import io.connectionportal.testing.Chromium.Walk;
import io.connectionportal.testing.Walks;

/**
 * A customer sent by the integrator: opens the hosted link, starts, agrees and connects Xero at the sandbox, keeps an
 * account, and lands back on the integrator's page with the outcome; each page checked with axe-core.
 */
@QuarkusTest
@BrowserTest
class HostedLinkBrowserTest {

    /** {@code %test.portal.api.bootstrap-key}. */
    private static final String KEY = "test-bootstrap-key-0123456789abcdefghijklmnop";

    @TestHTTPResource("/")
    URL root;

    @Inject
    RedirectAllowList allowList;

    @BeforeEach
    void theIntegratorsPageIsAllowed() {
        // The integrator's page is played by a path of the portal itself, so the browser reaches it without a network.
        allowList.add(root + "integrator", "tests");
    }

    @Walks
    void startAgreeConnectKeepAnAccountAndGoBack(Walk walk, Page page, Chromium chromium) {
        long company = given().header("Authorization", "Bearer " + KEY)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Boulangerie Hébergée\",\"externalRef\":\"hosted-" + UUID.randomUUID()
                        + "\",\"country\":\"GB\",\"language\":\"en\"}")
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .<Integer>path("id")
                .longValue();
        String url = given().header("Authorization", "Bearer " + KEY)
                .contentType(ContentType.JSON)
                .body("{\"redirectUrl\":\"" + root + "integrator/back\",\"categories\":[\"accounting\"]}")
                .post("/api/v1/companies/" + company + "/links")
                .then()
                .statusCode(201)
                .extract()
                .path("url");

        page.navigate(url);
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Connect your data for Boulangerie Hébergée")))
                .isVisible();
        Chromium.check(walk, page, "hosted", "start");
        Chromium.click(walk, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start")));
        Chromium.assertUrlEndsWith(page, "/connect");

        page.navigate(root + "account");
        Chromium.check(walk, page, "hosted", "account");
        page.navigate(root + "connect/platforms");
        Chromium.check(walk, page, "hosted", "picker");
        page.navigate(root + "connect/platforms/xero");
        Chromium.click(
                walk,
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agree and continue to Xero")));
        Chromium.assertUrlContains(page, "/sandbox/xero/oauth/authorize");
        Chromium.click(walk, page.locator("#allow"));

        Chromium.assertUrlEndsWith(page, "/link/done");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your platform is connected")))
                .isVisible();
        Chromium.check(walk, page, "hosted", "done");
        page.getByLabel("E-mail address").fill(Browser.uniqueEmail());
        page.getByLabel("New password").fill(Browser.PASSWORD);
        Chromium.click(walk, page.locator("form[action='/link/done'] button[type=submit]"));
        Chromium.assertUrlContains(page, "/integrator/back?");
        Chromium.assertUrlContains(page, "status=linked");
        Chromium.assertUrlContains(page, "signature=v1");
    }
}
