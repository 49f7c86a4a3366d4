package io.connectionportal.uploads;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.BrowserTest;
import io.connectionportal.testing.Chromium;
import io.connectionportal.testing.Chromium.Walk;
import io.connectionportal.testing.Walks;

/**
 * The unhappy path in a real browser: a wrong file, then a right one, then a request for a missing
 * platform, on a desktop and a phone with axe-core's WCAG 2.1 AA rules, and on a phone without
 * JavaScript, which proves a multipart form and its CSRF token need none.
 */
@QuarkusTest
@BrowserTest
class UploadBrowserTest {

    @TestHTTPResource("/")
    URL root;

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    @Walks
    void wrongFileThenRightFileThenAnIntegrationRequest(Walk walk, Page page) {
        Chromium.signUp(walk, page, root, Browser.uniqueEmail(), "Atelier Fichiers");

        page.navigate(root + "connect/upload");
        Chromium.check(walk, page, "uploads", "upload");

        page.getByLabel("File", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(new FilePayload(
                        "photo.pdf", "application/pdf", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3}));
        Chromium.click(walk, button(page, "Upload the file"));
        assertThat(page.locator(".error-summary")).isVisible();
        assertThat(page.getByText("The file must be a PDF, CSV or Excel (XLSX) file")
                        .first())
                .isVisible();
        Chromium.check(walk, page, "uploads", "upload with errors");

        page.getByLabel("File", new Page.GetByLabelOptions().setExact(true))
                .setInputFiles(new FilePayload(
                        "bank-statement.csv",
                        "text/csv",
                        "date,amount\n2026-10-01,12.50\n".getBytes(StandardCharsets.UTF_8)));
        page.getByLabel("What is in the file? (optional)").selectOption("banking");
        page.getByLabel("Note (optional)").fill("October");
        Chromium.click(walk, button(page, "Upload the file"));
        Chromium.assertUrlEndsWith(page, "/connect/upload");
        assertThat(page.getByText("Thank you. Your file is received.")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download bank-statement.csv")))
                .isVisible();
        Chromium.check(walk, page, "uploads", "upload done");

        Chromium.click(
                walk, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Request an integration")));
        Chromium.assertUrlEndsWith(page, "/connect/request-integration");
        page.getByLabel("Website (optional)").fill("www.example.com");
        Chromium.click(walk, button(page, "Send the request"));
        assertThat(page.locator(".error-summary")).isVisible();
        assertThat(page.getByLabel("Website (optional)")).hasValue("www.example.com");
        Chromium.check(walk, page, "uploads", "request with errors");

        page.getByLabel("Name of the platform").fill("Banque Régionale");
        page.getByLabel("Website (optional)").fill("https://www.banque-regionale.example");
        Chromium.click(walk, button(page, "Send the request"));
        assertThat(page.getByText("Thank you. Your request is recorded.")).isVisible();
        assertThat(page.getByText("Banque Régionale")).isVisible();
        Chromium.check(walk, page, "uploads", "request done");
    }
}
