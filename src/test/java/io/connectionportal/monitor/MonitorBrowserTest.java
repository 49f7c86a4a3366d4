package io.connectionportal.monitor;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import io.connectionportal.platforms.Category;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.BrowserTest;
import io.connectionportal.testing.Chromium;
import io.connectionportal.testing.Chromium.Walk;
import io.connectionportal.testing.Walks;

/**
 * An admin signs in, opens the monitor from the main navigation and narrows the period with the
 * filter: on a desktop and a 390 px phone with axe-core and screenshots, and on the phone without
 * JavaScript. The events are seeded in a quarter of their own (summer 2025), away from other tests'.
 */
@QuarkusTest
@BrowserTest
class MonitorBrowserTest {

    private static boolean seeded;

    @TestHTTPResource("/")
    URL root;

    @Inject
    FunnelEvents events;

    /** Twelve weeks from Monday 2 June 2025 with varied completion rates and two empty weeks; one admin account. */
    private void seed() {
        if (seeded) {
            return;
        }
        seeded = true;
        MonitorFixtures.signedIn(MonitorFixtures.BROWSER_ADMIN);
        Instant monday = Instant.parse("2025-06-02T09:00:00Z");
        String[] platforms = {"xero", "qonto", "shopify", "pennylane", "revolut-business"};
        Category[] categories = {
            Category.ACCOUNTING, Category.BANKING, Category.COMMERCE, Category.ACCOUNTING, Category.BANKING
        };
        int[] began = {8, 10, 0, 12, 9, 14, 11, 0, 13, 10, 12, 15};
        int[] completed = {5, 8, 0, 9, 4, 12, 7, 0, 10, 9, 6, 13};
        for (int week = 0; week < began.length; week++) {
            Instant start = monday.plus(7L * week, ChronoUnit.DAYS);
            for (int i = 0; i < began[week] * 2; i++) {
                events.record(FunnelStep.VALUE_EXCHANGE_VIEWED, null, null, null, start.plus(i, ChronoUnit.HOURS));
            }
            for (int i = 0; i < began[week]; i++) {
                int p = (week + i) % platforms.length;
                events.record(
                        FunnelStep.PLATFORM_SELECTED,
                        categories[p],
                        platforms[p],
                        null,
                        start.plus(i, ChronoUnit.HOURS));
                FunnelStep outcome = i < completed[week]
                        ? FunnelStep.AUTHORIZATION_COMPLETED
                        : i % 2 == 0 ? FunnelStep.AUTHORIZATION_CANCELLED : FunnelStep.AUTHORIZATION_FAILED;
                events.record(
                        outcome,
                        categories[p],
                        platforms[p],
                        9_200_000L + week * 100 + i,
                        start.plus(i, ChronoUnit.HOURS).plusSeconds(90));
            }
            events.record(FunnelStep.SIGNED_UP, null, null, 9_200_000L + week * 100, start);
            events.record(FunnelStep.SIGNED_UP, null, null, 9_200_000L + week * 100 + 1, start);
        }
    }

    @Walks
    void anAdminReadsTheMonitorAndNarrowsThePeriod(Walk walk, Page page) {
        seed();
        page.navigate(root + "login");
        page.getByLabel("E-mail address").fill(MonitorFixtures.BROWSER_ADMIN);
        page.getByLabel("Password").fill(Browser.PASSWORD);
        Chromium.click(walk, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")));

        if (walk == Walk.DESKTOP) {
            Chromium.click(walk, page.locator(".main-nav .nav-wide a[href='/monitor']"));
        } else {
            // A phone shows the compact menu instead (a details element: no JavaScript needed to open it).
            page.locator(".nav-menu summary").click();
            Chromium.click(walk, page.locator(".nav-menu a[href='/monitor']"));
        }
        Chromium.assertUrlEndsWith(page, "/monitor");
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Auth-flow monitor").setLevel(1)))
                .isVisible();

        page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill("2025-06-02");
        page.getByLabel("To", new Page.GetByLabelOptions().setExact(true)).fill("2025-08-24");
        Chromium.click(
                walk,
                page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Show").setExact(true)));
        Chromium.assertUrlContains(page, "from=2025-06-02");
        Chromium.assertUrlContains(page, "to=2025-08-24");

        assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName("Completion rate per week")))
                .isVisible();
        assertThat(page.locator("svg.monitor-chart rect.chart-bar")).hasCount(10);
        assertThat(page.locator("svg.monitor-chart .chart-empty")).hasCount(2);
        assertThat(page.locator("#weekly tbody tr").first().locator("td").last())
                .hasText("62.5%");
        Chromium.check(walk, page, "monitor", "monitor");
    }
}
