package io.connectionportal.onboarding;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;

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
 * The funnel a business owner walks before connecting: landing, sign-up (with a mistake first),
 * value exchange, privacy and trust, consent. Walked on a desktop and a 390 px phone, where every
 * page must pass axe-core's WCAG 2.1 AA rules, and once more on the phone with JavaScript off,
 * which proves the flow needs none (axe-core itself needs JavaScript, so that walk skips it).
 */
@QuarkusTest
@BrowserTest
class FunnelBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Walks
    void landingToSignUpToValueExchangeToPrivacyAndConsent(Walk walk, Page page) {

        page.navigate(root.toString());
        Chromium.check(walk, page, "funnel", "landing");
        page.keyboard().press("Tab");
        assertEquals(
                "Skip to main content",
                page.evaluate("document.activeElement.textContent").toString().trim());

        Chromium.click(
                walk, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Connect your business")));
        Chromium.assertUrlEndsWith(page, "/signup");
        Chromium.check(walk, page, "funnel", "sign-up");

        page.getByLabel("E-mail address").fill("not-an-email");
        page.getByLabel("Password").fill("short");
        Chromium.click(
                walk,
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account and continue")));
        assertThat(page.locator(".error-summary")).isVisible();
        assertThat(page.getByLabel("E-mail address")).hasValue("not-an-email");
        Chromium.check(walk, page, "funnel", "sign-up with errors");

        page.getByLabel("E-mail address").fill(Browser.uniqueEmail());
        page.getByLabel("Password").fill(Browser.PASSWORD);
        page.getByLabel("Company name").fill("Atelier Martin");
        Chromium.click(
                walk,
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account and continue")));
        Chromium.assertUrlEndsWith(page, "/connect");
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                        .getByRole(
                                AriaRole.LINK,
                                new Locator.GetByRoleOptions()
                                        .setName("Connect")
                                        .setExact(true)))
                .isVisible();
        assertThat(page.locator("meter")).isVisible();
        Chromium.check(walk, page, "funnel", "value exchange");

        Chromium.click(
                walk,
                page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("See exactly what we read, and who sees it")));
        Chromium.assertUrlEndsWith(page, "/privacy");
        Chromium.check(walk, page, "funnel", "privacy");

        // Consent in advance, for several kinds of data at once, from the privacy page.
        page.navigate(root.toString() + "connect/consent");
        Chromium.check(walk, page, "funnel", "consent");
        page.getByLabel("Accounting").check();
        page.getByLabel("Banking").check();
        page.locator("#agree").check();
        Chromium.click(walk, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("I agree, continue")));

        Chromium.assertUrlEndsWith(page, "/connect");
        assertThat(page.getByText("Thank you. Your consent is recorded.")).isVisible();
        Chromium.check(walk, page, "funnel", "value exchange after consent");

        page.navigate(root.toString() + "faq");
        Chromium.check(walk, page, "funnel", "FAQ");
        page.navigate(root.toString() + "support");
        Chromium.check(walk, page, "funnel", "support");
        page.navigate(root.toString() + "privacy/nda");
        Chromium.check(walk, page, "funnel", "NDA");
    }
}
