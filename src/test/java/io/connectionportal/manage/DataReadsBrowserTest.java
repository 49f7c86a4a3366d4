package io.connectionportal.manage;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;

import jakarta.inject.Inject;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import io.connectionportal.audit.DataReads;
import io.connectionportal.platforms.DataType;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.BrowserTest;
import io.connectionportal.testing.Chromium;
import io.connectionportal.testing.Chromium.Walk;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.Walks;

/** Who read the business's data, as it reads it: the dashboard, the connection page and the full list, checked by axe. */
@QuarkusTest
@BrowserTest
class DataReadsBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    DataReads reads;

    @Walks
    void theReadsAreListedOnTheDashboardTheConnectionPageAndTheirOwnPage(Walk walk, Page page) {
        String email = Browser.uniqueEmail();
        Chromium.signUp(walk, page, root, email, "Atelier Lu");
        Chromium.connectSandboxXero(walk, page, root);
        long company = ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
        long xero = ((Number) Rows.single("select id from connection where company_id = ?1", company)).longValue();
        for (int i = 0; i < ReadLines.DASHBOARD; i++) {
            reads.recordApiRead(company, xero, "xero", DataType.INVOICES, "underwriting service");
        }
        reads.recordStaffView(company, xero, "xero", DataType.BILLS, "camille@lender.example");

        page.navigate(root + "connections");
        Locator list = page.locator("section[aria-labelledby=reads-title] li");
        assertThat(list).hasCount(ReadLines.DASHBOARD);
        assertThat(list.first()).containsText("staff (camille@lender.example) viewed your bills from Xero");
        Chromium.check(walk, page, "manage", "data-reads-dashboard");

        Chromium.click(
                walk,
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See every read of your data")));
        assertThat(page.locator(".data-reads li")).hasCount(ReadLines.DASHBOARD + 1);
        Chromium.check(walk, page, "manage", "data-reads");

        page.navigate(root + "connections/" + xero);
        assertThat(page.locator("section[aria-labelledby=reads-title]"))
                .containsText("read your invoices from Xero on");
        Chromium.check(walk, page, "manage", "data-reads-connection");
    }
}
