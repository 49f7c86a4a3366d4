package io.connectionportal.manage;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.connectionportal.testing.Chromium.button;
import static io.connectionportal.testing.Chromium.heading;
import static io.connectionportal.testing.Chromium.link;

import java.net.URL;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import io.connectionportal.sync.SyncWorker;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.BrowserTest;
import io.connectionportal.testing.Chromium;
import io.connectionportal.testing.Chromium.Walk;
import io.connectionportal.testing.Walks;

/**
 * Managing a connection as a person does it: connect Xero through the sandbox, open it from the list,
 * deauthorize it through its confirmation page, reconnect it, and delete it through its confirmation
 * page; on the way, choose the company's time zone. On a desktop and a 390 px phone with axe-core and screenshots,
 * and on the phone without JavaScript.
 */
@QuarkusTest
@BrowserTest
class ManageBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    SyncWorker syncs;

    @Walks
    void deauthorizeReconnectAndDelete(Walk walk, Page page) {
        Chromium.signUp(walk, page, root, Browser.uniqueEmail(), "Atelier Martin");

        Chromium.connectSandboxXero(walk, page, root);

        page.navigate(root + "connections");
        Chromium.click(walk, link(page, "Xero"));
        assertThat(page).hasURL(Pattern.compile(".*/connections/\\d+$"));
        String detail = page.url();
        assertThat(page.locator(".status-line")).containsText("Connected");
        Chromium.check(walk, page, "manage", "connection");

        // Refresh now: the page shows the sync running and then its result, by itself (script or meta refresh).
        // Nothing syncs in the background in tests: the test runs the queue where the worker would.
        syncs.runPending();
        page.reload();
        assertThat(page.locator(".syncing")).hasCount(0);
        Chromium.click(walk, button(page, "Refresh now"));
        assertThat(page).hasURL(detail);
        assertThat(page.locator(".syncing")).isVisible();
        Chromium.check(walk, page, "manage", "syncing");
        syncs.runPending();
        page.getByText("On request").first().waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertThat(page.locator(".syncing")).hasCount(0);
        assertThat(page.locator("time[title]").first()).isVisible();

        // Times are in the company's zone, chosen once on the company page: a plain select, without JavaScript too.
        page.navigate(root + "company");
        page.getByLabel("Time zone").selectOption("America/New_York");
        Chromium.check(walk, page, "manage", "company time zone");
        Chromium.click(walk, button(page, "Save the details"));
        assertThat(page.locator("#timeZone")).hasValue("America/New_York");
        page.navigate(detail);

        Chromium.click(walk, link(page, "Disconnect"));
        Chromium.assertUrlEndsWith(page, "/deauthorize");
        assertThat(heading(page, "Disconnect Xero?")).isVisible();
        assertThat(heading(page, "What will stop working")).isVisible();
        assertThat(heading(page, "What happens to your data")).isVisible();
        Chromium.check(walk, page, "manage", "deauthorize confirmation");
        Chromium.click(walk, button(page, "Disconnect"));
        assertThat(page).hasURL(detail);
        assertThat(page.locator(".notice[role=status]")).containsText("Disconnected.");
        assertThat(page.locator(".status-line")).containsText("Disconnected");
        Chromium.check(walk, page, "manage", "deauthorized");

        Chromium.click(walk, button(page, "Reconnect Xero"));
        Chromium.assertUrlContains(page, "/sandbox/xero/oauth/authorize");
        Chromium.click(walk, page.locator("#allow"));
        assertThat(page).hasURL(detail);
        assertThat(page.locator(".notice[role=status]")).containsText("Reconnected.");
        assertThat(page.locator(".status-line")).containsText("Connected");
        Chromium.check(walk, page, "manage", "reconnected");

        Chromium.click(walk, link(page, "Delete"));
        Chromium.assertUrlContains(page, "/account/confirm");
        assertThat(heading(page, "Confirm it is you")).isVisible();
        Chromium.check(walk, page, "manage", "password asked again");
        page.getByLabel("Password").fill(Browser.PASSWORD);
        Chromium.click(walk, button(page, "Confirm"));
        Chromium.assertUrlEndsWith(page, "/delete");
        assertThat(heading(page, "Delete Xero and its data?")).isVisible();
        assertThat(heading(page, "What will stop working")).isVisible();
        assertThat(heading(page, "What happens to your data")).isVisible();
        Chromium.check(walk, page, "manage", "delete confirmation");
        Chromium.click(walk, button(page, "Delete the connection and its data"));
        Chromium.assertUrlEndsWith(page, "/connections");
        assertThat(page.locator(".notice[role=status]")).containsText("The connection and its data are deleted.");
        assertThat(page.locator(".connection-list")).hasCount(0);
        Chromium.check(walk, page, "manage", "deleted");
    }
}
