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
 * From the sign-up submit to the platform's sign-in page in three actions at most (each click, tick or submit counts):
 * sign-up lands on a page with the search and the platforms popular in the business's country on the first screen;
 * one click opens the platform, one "Agree and continue" records the consent and sends the business to the sandbox's
 * sign-in. Then Allow, and back on the portal it shows as connected. A search forgives a typo ("quikbooks"), with
 * JavaScript as you type and without it on submit. On a desktop and a phone with axe-core, and on a phone without
 * JavaScript.
 */
@QuarkusTest
@BrowserTest
class ConnectBrowserTest {

    /** Above this many actions from the sign-up submit to the platform's sign-in, the funnel is too long (F2). */
    private static final int MOST_ACTIONS = 3;

    @TestHTTPResource("/")
    URL root;

    /** A user action (click, tick or submit): counted towards the three-action promise. */
    private static int act(Walk walk, Locator target, int actions) {
        Chromium.click(walk, target);
        return actions + 1;
    }

    /** Visible without scrolling, in the walk's viewport. */
    private static void assertOnTheFirstScreen(Walk walk, Locator target, String what) {
        target.scrollIntoViewIfNeeded();
        var box = target.boundingBox();
        double scrolled = ((Number) target.page().evaluate("window.scrollY")).doubleValue();
        assertTrue(
                box != null && box.y + scrolled + box.height <= walk.viewport.height,
                what + " ends at " + (box == null ? "?" : box.y + scrolled + box.height) + " px, the screen at "
                        + walk.viewport.height);
        target.page().evaluate("window.scrollTo(0, 0)");
    }

    private static void signUp(Walk walk, Page page, URL root, String company) {
        Chromium.signUp(walk, page, root, Browser.uniqueEmail(), company);
        Chromium.assertUrlEndsWith(page, "/connect");
    }

    @Walks
    void chooseAPopularPlatformAgreeAllowAndSeeItConnected(Walk walk, Page page, Chromium chromium) {
        signUp(walk, page, root, "Boulangerie Dupont");
        assertThat(page.locator(".step-indicator [aria-current=step]")).hasText("Choose your platform");
        Chromium.check(walk, page, "connect", "value exchange");

        int actions = 0;
        Locator xero = page.locator(".popular-platforms a[href='/connect/platforms/xero']");
        assertOnTheFirstScreen(walk, xero, "Xero, popular in the United Kingdom,");
        actions = act(walk, xero, actions);
        Chromium.assertUrlEndsWith(page, "/connect/platforms/xero");
        assertThat(page.locator(".step-indicator [aria-current=step]")).hasText("Approve access");
        Chromium.check(walk, page, "connect", "platform");

        actions = act(
                walk,
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agree and continue to Xero")),
                actions);
        Chromium.assertUrlContains(page, "/sandbox/xero/oauth/authorize");
        assertTrue(actions <= MOST_ACTIONS, "the platform's sign-in page is " + actions + " actions after sign-up");
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
        // "Copy the link" needs the script: without JavaScript it stays hidden although .button sets a display.
        Locator copy = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy the link"));
        if (walk.javaScript) {
            assertThat(copy).isVisible();
        } else {
            assertThat(page.locator("button[data-copy]")).isHidden();
        }
        try (BrowserContext colleagueContext = chromium.context(walk)) {
            Page colleague = colleagueContext.newPage();
            colleague.navigate(link);
            assertThat(colleague.getByRole(
                            AriaRole.HEADING,
                            new Page.GetByRoleOptions().setName("Connect a platform for Boulangerie Dupont")))
                    .isVisible();
            // A colleague has no account here: a minimal frame, no "Sign in" or "Get started".
            assertThat(colleague.locator("a[href='/login'], a[href='/signup']")).hasCount(0);
            Chromium.check(walk, colleague, "connect", "colleague");

            // The company cancels the link; the colleague is told so.
            Chromium.click(
                    walk, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel this link")));
            assertThat(page.locator("#share-cancelled")).isVisible();
            colleague.navigate(link);
            assertThat(colleague.locator("main")).containsText("The company cancelled this link.");
            Chromium.check(walk, colleague, "connect", "colleague, cancelled link");
        }
    }

    /** Shopify connects one shop: a wrong address is shown in the summary and the field, kept, then corrected. */
    @Walks
    void aShopifyShopIsNamedCorrectedAndSentToItsOwnHost(Walk walk, Page page, Chromium chromium) {
        signUp(walk, page, root, "Boutique Martin");

        page.navigate(root + "connect/platforms/shopify");
        page.getByLabel("Your shop's address").fill("martin shop!");
        Locator proceed =
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agree and continue to Shopify"));
        Chromium.click(walk, proceed);
        assertThat(page.locator(".error-summary a[href='#shop']")).isVisible();
        assertThat(page.locator("#shop")).hasValue("martin shop!");
        Chromium.check(walk, page, "connect", "shopify shop refused");

        page.getByLabel("Your shop's address").fill("martin-shop.myshopify.com");
        Chromium.click(walk, proceed);
        Chromium.assertUrlContains(page, "/shops/martin-shop/admin/oauth/authorize");
    }

    /** A search that forgives a typo, then three actions: submit the search, choose, agree and continue. */
    @Walks
    void aMisspelledSearchStillFindsThePlatformWithinThreeActions(Walk walk, Page page, Chromium chromium) {
        signUp(walk, page, root, "Cabinet Leroy");
        page.navigate(root + "connect/platforms");
        assertOnTheFirstScreen(walk, page.locator(".popular-platforms li").first(), "the first popular platform");
        assertThat(page.locator(".notice-sandbox")).hasCount(1);
        assertThat(page.locator(".badge-sandbox")).hasCount(0);

        int actions = 0;
        page.getByLabel("Search for your platform").fill("quikbooks");
        if (walk.javaScript) {
            // As you type: the cards the search does not find are hidden, and so are the popular shortcuts.
            assertThat(page.locator(".platform-card:has(a[href='/connect/platforms/quickbooks-online'])"))
                    .isVisible();
            assertThat(page.locator(".platform-card:has(a[href='/connect/platforms/xero'])"))
                    .isHidden();
            assertThat(page.locator(".popular")).isHidden();
        }
        actions = act(walk, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")), actions);
        Chromium.assertUrlContains(page, "q=quikbooks");
        assertThat(page.locator("#search-count")).hasText("2 platforms");
        Chromium.check(walk, page, "connect", "picker search");

        actions = act(walk, page.locator("a[href='/connect/platforms/quickbooks-online']"), actions);
        actions = act(
                walk,
                page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Agree and continue to QuickBooks Online")),
                actions);
        Chromium.assertUrlContains(page, "/sandbox/quickbooks-online/oauth/authorize");
        assertTrue(actions <= MOST_ACTIONS, actions + " actions");
    }
}
