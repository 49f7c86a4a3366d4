package io.connectionportal.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.connectionportal.testing.Chromium.button;
import static io.connectionportal.testing.Chromium.link;

import java.net.URL;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import io.connectionportal.sync.SyncWorker;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.BrowserTest;
import io.connectionportal.testing.Chromium;
import io.connectionportal.testing.Chromium.Walk;
import io.connectionportal.testing.SandboxJourney;
import io.connectionportal.testing.Walks;

/**
 * An admin walks the back office from the main navigation: finds a company by name, opens it and its synced
 * invoices, creates an API key (the password asked again) and revokes it, adds a webhook endpoint after a refused
 * attempt and deletes it, and adds then removes a redirect prefix. On a desktop and a 390 px phone with axe-core and
 * screenshots, and on the phone without JavaScript.
 */
@QuarkusTest
@BrowserTest
class BackOfficeBrowserTest {

    /** From {@code %test.portal.monitor.admin-emails}: the account the browser tests sign in with. */
    private static final String ADMIN = "monitor-browser@example.com";

    private static final String COMPANY = "Boulangerie Marchand Back Office";

    private static boolean seeded;

    @TestHTTPResource("/")
    URL root;

    @Inject
    SyncWorker syncs;

    /** The admin's account, and a business with Xero connected and synced once. */
    private void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        BackOfficeTest.signedInAdmin(ADMIN);
        Browser business = new Browser();
        business.signUp(COMPANY);
        SandboxJourney.connect(business, "xero");
        syncs.runPending();
    }

    private static Locator heading(Page page, String name) {
        return page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setLevel(1));
    }

    private static Locator subNav(Page page, String name) {
        return page.locator(".sub-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name));
    }

    @Walks
    void anAdminWalksTheBackOffice(Walk walk, Page page) {
        seed();
        String suffix = walk.name().toLowerCase(Locale.ROOT).replace('_', '-');
        page.navigate(root + "login");
        page.getByLabel("E-mail address").fill(ADMIN);
        page.getByLabel("Password").fill(Browser.PASSWORD);
        Chromium.click(walk, button(page, "Sign in"));

        Chromium.followMenuLink(walk, page, "/admin");
        Chromium.assertUrlEndsWith(page, "/admin");
        assertThat(heading(page, "Companies")).isVisible();
        assertThat(page.locator(".sub-nav a[href='/monitor']")).isVisible();
        Chromium.check(walk, page, "admin", "companies");

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("marchand back");
        Chromium.click(walk, button(page, "Search"));
        Chromium.assertUrlContains(page, "name=marchand+back");
        assertThat(page.locator("#companies tbody tr")).hasCount(1);
        Chromium.check(walk, page, "admin", "search");

        Chromium.click(walk, link(page, COMPANY));
        assertThat(page).hasURL(Pattern.compile(".*/admin/companies/\\d+$"));
        assertThat(heading(page, COMPANY)).isVisible();
        assertThat(page.locator("#connections")).containsText("Connected");
        Chromium.check(walk, page, "admin", "company");

        Chromium.click(walk, page.locator("#connections a[href$='/data/invoices']"));
        Chromium.assertUrlContains(page, "/data/invoices");
        assertThat(heading(page, "Xero: invoices")).isVisible();
        assertThat(page.locator("#records tbody tr").first()).isVisible();
        Chromium.check(walk, page, "admin", "data");

        // API keys: the password is asked again before the form, the key shown once, then revoked.
        Chromium.click(walk, subNav(page, "API keys"));
        Chromium.assertUrlEndsWith(page, "/admin/api-keys");
        Chromium.check(walk, page, "admin", "api keys");
        Chromium.click(walk, link(page, "Create an API key"));
        Chromium.assertUrlContains(page, "/account/confirm");
        page.getByLabel("Password").fill(Browser.PASSWORD);
        Chromium.click(walk, button(page, "Confirm"));
        Chromium.assertUrlEndsWith(page, "/admin/api-keys/new");
        Chromium.check(walk, page, "admin", "new api key");
        String keyName = "walk " + suffix;
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(keyName);
        Chromium.click(walk, button(page, "Create the key"));
        Chromium.assertUrlEndsWith(page, "/admin/api-keys/created");
        assertThat(page.getByLabel("API key")).hasValue(Pattern.compile("^cp_live_.+"));
        Chromium.check(walk, page, "admin", "api key created");
        Chromium.click(walk, link(page, "All API keys"));
        Chromium.click(walk, link(page, "Revoke " + keyName));
        assertThat(heading(page, "Revoke the key “" + keyName + "”?")).isVisible();
        Chromium.check(walk, page, "admin", "revoke api key");
        Chromium.click(walk, button(page, "Revoke the key"));
        Chromium.assertUrlEndsWith(page, "/admin/api-keys");
        assertThat(page.locator(".notice[role=status]")).containsText("The API key is revoked.");

        // Webhooks: a refused endpoint shows its errors, a good one its secret; then it is deleted.
        Chromium.click(walk, subNav(page, "Webhooks"));
        Chromium.assertUrlEndsWith(page, "/admin/webhooks");
        Chromium.check(walk, page, "admin", "webhooks");
        Chromium.click(walk, link(page, "Add an endpoint"));
        Chromium.assertUrlEndsWith(page, "/admin/webhooks/new");
        String endpointName = "walk " + suffix;
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(endpointName);
        page.getByLabel("Address", new Page.GetByLabelOptions().setExact(true)).fill("ftp://hooks.example.com/in");
        Chromium.click(walk, button(page, "Add the endpoint"));
        assertThat(page.locator(".error-summary")).containsText("Enter an address that starts with https://");
        assertThat(page.locator(".error-summary")).containsText("Choose at least one event");
        Chromium.check(walk, page, "admin", "endpoint errors");
        page.getByLabel("Address", new Page.GetByLabelOptions().setExact(true)).fill("https://hooks.example.com/in");
        // The keyboard, not a click: a forced click on a phone can land on whatever covers the box.
        Locator allEvents = page.locator("#events-all");
        if (!allEvents.isChecked()) {
            allEvents.press("Space");
        }
        assertThat(allEvents).isChecked();
        Chromium.click(walk, button(page, "Add the endpoint"));
        assertThat(page).hasURL(Pattern.compile(".*/admin/webhooks/\\d+$"));
        assertThat(page.getByLabel("Signing secret")).hasValue(Pattern.compile("^whsec_.+"));
        Chromium.check(walk, page, "admin", "endpoint");
        Chromium.click(walk, link(page, "Delete " + endpointName));
        assertThat(heading(page, "Delete the endpoint “" + endpointName + "”?")).isVisible();
        Chromium.check(walk, page, "admin", "delete endpoint");
        Chromium.click(walk, button(page, "Delete the endpoint"));
        Chromium.assertUrlEndsWith(page, "/admin/webhooks");
        assertThat(page.locator(".notice[role=status]")).containsText("The endpoint is deleted.");

        // The redirect allow-list: a prefix added, then removed.
        Chromium.click(walk, subNav(page, "Redirect allow-list"));
        Chromium.assertUrlEndsWith(page, "/admin/redirect-allow-list");
        String prefix = "https://" + suffix + ".lender.example/back";
        page.getByLabel("Address", new Page.GetByLabelOptions().setExact(true)).fill(prefix);
        Chromium.click(walk, button(page, "Add the address"));
        assertThat(page.locator(".notice[role=status]")).containsText("The address is added to the allow-list.");
        assertThat(page.locator("#stored-prefixes")).containsText(prefix);
        Chromium.check(walk, page, "admin", "redirect allow-list");
        Chromium.click(walk, button(page, "Remove " + prefix));
        assertThat(page.locator(".notice[role=status]")).containsText("The address is removed from the allow-list.");
        assertThat(page.locator("body")).not().containsText(prefix);
    }
}
