package io.connectionportal.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Chromium;
import io.connectionportal.testing.Chromium.Viewport;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The funnel a business owner walks before connecting: landing, sign-up (with a mistake first),
 * value exchange, privacy and trust, consent. On the phone viewport JavaScript is off, which proves
 * the flow works without it. Every page must pass axe-core's WCAG 2.1 AA rules.
 */
@QuarkusTest
class FunnelBrowserTest {

    private static Chromium chromium;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() {
        chromium = new Chromium();
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    @ParameterizedTest
    @EnumSource(Viewport.class)
    void landingToSignUpToValueExchangeToPrivacyAndConsent(Viewport viewport) {
        boolean javaScript = viewport == Viewport.DESKTOP;
        String prefix = "funnel-" + viewport.name().toLowerCase() + "-";
        try (BrowserContext context = chromium.context(viewport, javaScript)) {
            Page page = context.newPage();

            page.navigate(root.toString());
            page.keyboard().press("Tab");
            assertEquals("Skip to main content", page.evaluate("document.activeElement.textContent").toString().trim());
            Chromium.assertAccessible(page, "landing");
            Chromium.screenshot(page, prefix + "1-landing");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Connect your business")).click();
            assertTrue(page.url().endsWith("/signup"), page.url());
            Chromium.assertAccessible(page, "sign-up");

            page.getByLabel("E-mail address").fill("not-an-email");
            page.getByLabel("Password").fill("short");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account and continue")).click();
            assertTrue(page.locator(".error-summary").isVisible());
            assertEquals("not-an-email", page.getByLabel("E-mail address").inputValue());
            Chromium.assertAccessible(page, "sign-up with errors");
            Chromium.screenshot(page, prefix + "2-signup-errors");

            page.getByLabel("E-mail address").fill(Browser.uniqueEmail());
            page.getByLabel("Password").fill(Browser.PASSWORD);
            page.getByLabel("Company name").fill("Atelier Martin");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account and continue")).click();
            assertTrue(page.url().endsWith("/connect"), "sign-up lands on the value exchange: " + page.url());
            assertTrue(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Connect"))
                    .isVisible(), "the Connect item is in the main navigation");
            assertTrue(page.locator("meter").isVisible());
            Chromium.assertAccessible(page, "value exchange");
            Chromium.screenshot(page, prefix + "3-value-exchange");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See exactly what we read, and who sees it")).click();
            assertTrue(page.url().endsWith("/privacy"), page.url());
            Chromium.assertAccessible(page, "privacy");
            Chromium.screenshot(page, prefix + "4-privacy");

            page.goBack();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue: choose what you share")).click();
            assertTrue(page.url().endsWith("/connect/consent"), page.url());
            Chromium.assertAccessible(page, "consent");
            page.getByLabel("Accounting").check();
            page.getByLabel("Banking").check();
            page.locator("#agree").check();
            Chromium.screenshot(page, prefix + "5-consent");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I agree, continue")).click();

            assertTrue(page.url().endsWith("/connect"), page.url());
            assertTrue(page.getByText("Thank you. Your consent is recorded.").isVisible());
            Chromium.assertAccessible(page, "value exchange after consent");
            Chromium.screenshot(page, prefix + "6-consent-recorded");

            page.navigate(root.toString() + "faq");
            Chromium.assertAccessible(page, "FAQ");
            page.navigate(root.toString() + "support");
            Chromium.assertAccessible(page, "support");
            page.navigate(root.toString() + "privacy/nda");
            Chromium.assertAccessible(page, "NDA");
        }
    }
}
