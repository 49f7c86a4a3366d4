package io.connectionportal.manage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import jakarta.inject.Inject;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.connectionportal.sync.SyncWorker;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Chromium;
import io.connectionportal.testing.Chromium.Walk;
import io.connectionportal.testing.BrowserTest;
import io.connectionportal.testing.Walks;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Managing a connection as a person does it: connect Xero through the sandbox, open it from the list,
 * deauthorize it through its confirmation page, reconnect it, and delete it through its confirmation
 * page. On a desktop and a 390 px phone with axe-core and screenshots, and on the phone without JavaScript.
 */
@QuarkusTest
@BrowserTest
class ManageBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    SyncWorker syncs;

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator link(Page page, String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static boolean heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name)).isVisible();
    }

    @Walks
    void deauthorizeReconnectAndDelete(Walk walk, Page page) {
        page.navigate(root + "signup");
        page.getByLabel("E-mail address").fill(Browser.uniqueEmail());
        page.getByLabel("Password").fill(Browser.PASSWORD);
        page.getByLabel("Company name").fill("Atelier Martin");
        Chromium.click(walk, button(page, "Create account and continue"));

        page.navigate(root + "connect/platforms/xero");
        page.locator("#agree").check(new Locator.CheckOptions().setForce(!walk.javaScript));
        Chromium.click(walk, button(page, "Continue to Xero"));
        Chromium.click(walk, page.locator("#allow"));
        assertTrue(page.url().contains("/connect/connected/"), page.url());

        page.navigate(root + "connections");
        Chromium.click(walk, link(page, "Xero"));
        assertTrue(page.url().matches(".*/connections/\\d+$"), page.url());
        String detail = page.url();
        assertTrue(page.locator(".status-line").textContent().contains("Connected"));
        Chromium.check(walk, page, "manage", "connection");

        // Refresh now: the page shows the sync running and then its result, by itself (script or meta refresh).
        // Nothing syncs in the background in tests: the test runs the queue where the worker would.
        syncs.runPending();
        page.reload();
        assertEquals(0, page.locator(".syncing").count(), "the first sync is done");
        Chromium.click(walk, button(page, "Refresh now"));
        assertTrue(page.url().equals(detail), page.url());
        assertTrue(page.locator(".syncing").isVisible(), "the syncing indicator");
        Chromium.check(walk, page, "manage", "syncing");
        syncs.runPending();
        page.getByText("Refreshed by you").first().waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertEquals(0, page.locator(".syncing").count(), "the indicator is gone once the sync is done");

        Chromium.click(walk, link(page, "Deauthorize"));
        assertTrue(page.url().endsWith("/deauthorize"), page.url());
        assertTrue(heading(page, "Deauthorize Xero?"));
        assertTrue(heading(page, "What will stop working"));
        assertTrue(heading(page, "What happens to your data"));
        Chromium.check(walk, page, "manage", "deauthorize confirmation");
        Chromium.click(walk, button(page, "Deauthorize"));
        assertTrue(page.url().equals(detail), page.url());
        assertTrue(page.locator(".notice[role=status]").textContent().contains("Deauthorized."));
        assertTrue(page.locator(".status-line").textContent().contains("Disconnected"));
        Chromium.check(walk, page, "manage", "deauthorized");

        Chromium.click(walk, button(page, "Reconnect Xero"));
        assertTrue(page.url().contains("/sandbox/xero/oauth/authorize"), page.url());
        Chromium.click(walk, page.locator("#allow"));
        assertTrue(page.url().equals(detail), page.url());
        assertTrue(page.locator(".notice[role=status]").textContent().contains("Reconnected."));
        assertTrue(page.locator(".status-line").textContent().contains("Connected"));
        Chromium.check(walk, page, "manage", "reconnected");

        Chromium.click(walk, link(page, "Delete"));
        assertTrue(page.url().endsWith("/delete"), page.url());
        assertTrue(heading(page, "Delete Xero and its data?"));
        assertTrue(heading(page, "What will stop working"));
        assertTrue(heading(page, "What happens to your data"));
        Chromium.check(walk, page, "manage", "delete confirmation");
        Chromium.click(walk, button(page, "Delete the connection and its data"));
        assertTrue(page.url().endsWith("/connections"), page.url());
        assertTrue(page.locator(".notice[role=status]").textContent().contains("The connection and its data are deleted."));
        assertTrue(page.locator(".connection-list").count() == 0, "nothing left in the list");
        Chromium.check(walk, page, "manage", "deleted");
    }
}
