package io.connectionportal.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.connectionportal.testing.Chromium.button;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.BrowserTest;
import io.connectionportal.testing.Chromium;
import io.connectionportal.testing.Chromium.Walk;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.Walks;

/**
 * The breakage banner and the renewal prompt as a person meets them: a broken Xero and a bank whose access ends within
 * the week, on the dashboard and another page, then the banner's one-click Reconnect through the sandbox. Desktop and
 * phone with axe-core, and the phone without JavaScript.
 */
@QuarkusTest
@BrowserTest
class AccessNoticeBrowserTest {

    @TestHTTPResource("/")
    URL root;

    private void connect(Walk walk, Page page, String key, String name) {
        page.navigate(root + "connect/platforms/" + key);
        Chromium.click(walk, button(page, "Agree and continue to " + name));
        Chromium.click(walk, page.locator("#allow"));
        Chromium.assertUrlContains(page, "/connect/connected/");
    }

    @Walks
    void theBannerAndTheRenewalPromptLeadToReconnect(Walk walk, Page page) {
        String email = Browser.uniqueEmail();
        Chromium.signUp(walk, page, root, email, "Boulangerie Petit");
        Chromium.assertUrlContains(page, "/connect");

        connect(walk, page, "xero", "Xero");
        connect(walk, page, "barclays", "Barclays");
        long company = ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
        Rows.execute(
                "update connection set status = 'REAUTH_REQUIRED' where company_id = ?1 and platform_key = 'xero'",
                company);
        Rows.execute(
                "update connection set linked_at = ?1 where company_id = ?2 and platform_key = 'barclays'",
                Instant.now().minus(Duration.ofDays(86)),
                company);

        page.navigate(root + "connections");
        Locator banner = page.locator(".reconnect-banner");
        assertThat(banner).containsText("Xero no longer accepts our access");
        assertThat(page.locator(".renewal")).containsText("Access to Barclays ends on");
        Chromium.check(walk, page, "access", "dashboard");

        page.navigate(root + "privacy");
        assertThat(banner).containsText("Xero no longer accepts our access");
        Chromium.check(walk, page, "access", "banner");

        Chromium.click(
                walk,
                banner.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Reconnect Xero").setExact(true)));
        Chromium.assertUrlContains(page, "/sandbox/xero/oauth/authorize");
        Chromium.click(walk, page.locator("#allow"));
        assertThat(page.locator(".notice[role=status]")).containsText("Reconnected.");
        assertThat(page.locator(".reconnect-banner")).hasCount(0);
        page.navigate(root + "connections");
        assertThat(page.locator(".reconnect-banner")).hasCount(0);
    }
}
