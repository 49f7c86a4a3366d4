package io.connectionportal.privacy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.connectionportal.testing.Chromium.button;
import static io.connectionportal.testing.Chromium.heading;
import static io.connectionportal.testing.Chromium.link;

import java.net.URL;

import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.BrowserTest;
import io.connectionportal.testing.Chromium;
import io.connectionportal.testing.Chromium.Walk;
import io.connectionportal.testing.Walks;

/**
 * Privacy rights as a person uses them: withdraw the consent to share accounting data from the privacy page, see
 * it in the activity, then delete the account from the account page. On a desktop and a 390 px phone with
 * axe-core and screenshots, and on the phone without JavaScript.
 */
@QuarkusTest
@BrowserTest
class PrivacyBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Walks
    void withdrawConsentThenDeleteTheAccount(Walk walk, Page page) {
        Chromium.signUp(walk, page, root, Browser.uniqueEmail(), "Atelier Privé");

        Chromium.connectSandboxXero(walk, page, root);

        page.navigate(root + "privacy");
        Chromium.check(walk, page, "privacy", "privacy with consents");
        Chromium.click(walk, link(page, "Withdraw consent to share Accounting"));
        Chromium.assertUrlEndsWith(page, "/privacy/withdraw/accounting");
        assertThat(heading(page, "Withdraw your consent to share Accounting?")).isVisible();
        assertThat(page.locator("#stopped-connections")).containsText("Xero");
        Chromium.check(walk, page, "privacy", "withdraw confirmation");
        Chromium.click(walk, button(page, "Withdraw my consent"));
        assertThat(page.locator(".notice[role=status]")).containsText("Your consent is withdrawn and recorded.");
        assertThat(link(page, "Agree to share Accounting")).isVisible();
        Chromium.check(walk, page, "privacy", "withdrawn");

        page.navigate(root + "account");
        Chromium.click(walk, link(page, "Activity: everything that happened to your connections and consents"));
        Chromium.assertUrlEndsWith(page, "/activity");
        assertThat(page.locator(".audit-trail")).containsText("Consent withdrawn");
        assertThat(page.locator(".audit-trail")).containsText("Disconnected");
        Chromium.check(walk, page, "privacy", "activity");

        page.navigate(root + "account");
        Chromium.click(walk, link(page, "Delete your account and all its data"));
        Chromium.assertUrlContains(page, "/account/confirm");
        page.getByLabel("Password").fill(Browser.PASSWORD);
        Chromium.click(walk, button(page, "Confirm"));
        Chromium.assertUrlEndsWith(page, "/account/delete");
        assertThat(heading(page, "Delete your account and Atelier Privé?")).isVisible();
        assertThat(heading(page, "What is kept, and why")).isVisible();
        Chromium.check(walk, page, "privacy", "delete account confirmation");
        Chromium.click(walk, button(page, "Delete my account and all its data"));
        assertThat(page.locator(".error-summary")).containsText("Tick the box");
        Chromium.check(walk, page, "privacy", "delete account error");
        Chromium.tick(page.locator("#agree"));
        Chromium.click(walk, button(page, "Delete my account and all its data"));
        assertThat(page.locator(".notice[role=status]"))
                .containsText("Your account and your company's data are deleted.");
        assertThat(link(page, "Sign in")).isVisible();
        Chromium.check(walk, page, "privacy", "account deleted");
    }
}
