package io.connectionportal.connect;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.BrowserTest;
import io.connectionportal.testing.Chromium;
import io.connectionportal.testing.Chromium.Walk;
import io.connectionportal.testing.Walks;

/**
 * From the value-exchange page where sign-up lands: search "xero", choose it, consent and continue,
 * which is three actions to the sandbox's sign-in page (F2); then Allow, and back on the portal it
 * shows as connected. On a desktop and a phone with axe-core, and on a phone without JavaScript.
 */
@QuarkusTest
@BrowserTest
class ConnectBrowserTest {

    @TestHTTPResource("/")
    URL root;

    /** A user action that loads a page: counted towards the three-action promise. */
    private static int act(Walk walk, Locator target, int actions) {
        Chromium.click(walk, target);
        return actions + 1;
    }

    @Walks
    void searchChooseConsentAllowAndSeeItConnected(Walk walk, Page page, Chromium chromium) {
        page.navigate(root + "signup");
        page.getByLabel("E-mail address").fill(Browser.uniqueEmail());
        page.getByLabel("Password").fill(Browser.PASSWORD);
        page.getByLabel("Company name").fill("Boulangerie Dupont");
        Chromium.click(
                walk,
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account and continue")));
        Chromium.assertUrlEndsWith(page, "/connect");

        int actions = 0;
        page.getByLabel("Search for your platform").fill("xero");
        actions = act(walk, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")), actions);
        Chromium.assertUrlContains(page, "/connect/platforms?q=xero");
        Chromium.check(walk, page, "connect", "picker");

        actions = act(walk, page.locator("a[href='/connect/platforms/xero']"), actions);
        Chromium.assertUrlEndsWith(page, "/connect/platforms/xero");
        Chromium.check(walk, page, "connect", "platform");

        Chromium.tick(page.locator("#agree"));
        actions = act(
                walk,
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to Xero")),
                actions);
        Chromium.assertUrlContains(page, "/sandbox/xero/oauth/authorize");
        assertTrue(actions <= 3, "the platform's sign-in page is " + actions + " actions after sign-up");
        Chromium.check(walk, page, "connect", "sandbox sign-in");

        act(walk, page.locator("#allow"), actions);
        Chromium.assertUrlContains(page, "/connect/connected/");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Xero is connected")))
                .isVisible();
        Chromium.check(walk, page, "connect", "connected");

        page.navigate(root + "connect/platforms");
        assertThat(page.locator(
                                "a[href='/connect/platforms/xero'] ~ .platform-badges, .platform-card:has(a[href='/connect/platforms/xero'])")
                        .first())
                .containsText("Connected");
        page.navigate(root + "connections");
        Chromium.check(walk, page, "connect", "connections");

        // Can't sign in? Ask a colleague: the link page, then the colleague's page in another browser.
        page.navigate(root + "connect/share");
        Chromium.check(walk, page, "connect", "share");
        page.getByLabel("Who is it for? (optional)").fill("Our accountant");
        Chromium.click(walk, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create a link")));
        String link = page.locator("#share-url").inputValue();
        assertTrue(link.contains("/share/"), link);
        Chromium.check(walk, page, "connect", "share link");
        try (BrowserContext colleagueContext = chromium.context(walk)) {
            Page colleague = colleagueContext.newPage();
            colleague.navigate(link);
            assertThat(colleague.getByRole(
                            AriaRole.HEADING,
                            new Page.GetByRoleOptions().setName("Connect a platform for Boulangerie Dupont")))
                    .isVisible();
            Chromium.check(walk, colleague, "connect", "colleague");
        }
    }

    /** Shopify connects one shop: a wrong address is shown in the summary and the field, kept, then corrected. */
    @Walks
    void aShopifyShopIsNamedCorrectedAndSentToItsOwnHost(Walk walk, Page page, Chromium chromium) {
        page.navigate(root + "signup");
        page.getByLabel("E-mail address").fill(Browser.uniqueEmail());
        page.getByLabel("Password").fill(Browser.PASSWORD);
        page.getByLabel("Company name").fill("Boutique Martin");
        Chromium.click(
                walk,
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account and continue")));
        Chromium.assertUrlEndsWith(page, "/connect");

        page.navigate(root + "connect/platforms/shopify");
        page.getByLabel("Your shop's address").fill("martin shop!");
        Chromium.tick(page.locator("#agree"));
        Locator proceed = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to Shopify"));
        Chromium.click(walk, proceed);
        assertThat(page.locator(".error-summary a[href='#shop']")).isVisible();
        assertThat(page.locator("#shop")).hasValue("martin shop!");
        Chromium.check(walk, page, "connect", "shopify shop refused");

        page.getByLabel("Your shop's address").fill("martin-shop.myshopify.com");
        Chromium.tick(page.locator("#agree"));
        Chromium.click(walk, proceed);
        Chromium.assertUrlContains(page, "/shops/martin-shop/admin/oauth/authorize");
    }
}
