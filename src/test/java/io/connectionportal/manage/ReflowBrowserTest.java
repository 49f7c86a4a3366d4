package io.connectionportal.manage;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.BrowserTest;
import io.connectionportal.testing.Chromium;
import io.connectionportal.testing.Chromium.Walk;
import io.connectionportal.testing.Walks;

/**
 * WCAG 1.4.10 (reflow): at 320 CSS pixels no page of the business's journey scrolls sideways, in English and in French
 * (French words are longer), and axe-core finds nothing on the French pages. A business signs up, connects Xero, and
 * every page it can reach is measured, with a colleague's share-link pages and the sandbox's consent page.
 */
@QuarkusTest
@BrowserTest
class ReflowBrowserTest {

    private static final int NARROWEST = 320;

    @TestHTTPResource("/")
    URL root;

    @Walks(Walk.PHONE)
    void noPageScrollsSidewaysAt320PixelsInEitherLanguage(Walk walk, Page page, Chromium chromium) {
        page.setViewportSize(NARROWEST, 640);
        Chromium.signUp(walk, page, root, Browser.uniqueEmail(), "Société Coopérative de Production Longuenom");
        Chromium.assertUrlEndsWith(page, "/connect");
        Chromium.connectSandboxXero(walk, page, root);
        String connected = page.url().replaceFirst(".*/connect/connected/", "").replaceAll("\\D.*", "");

        // On a phone the signed-in header is one row: the brand, Connect, and a Menu that opens the rest.
        page.navigate(root + "connections");
        double header = page.locator(".site-header").boundingBox().height;
        assertTrue(header <= 80, "the header is " + header + " px tall");
        assertThat(page.locator(".nav-menu")
                        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Account")))
                .isHidden();
        page.locator(".nav-menu summary").click();
        assertThat(page.locator(".nav-menu")
                        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Account")))
                .isVisible();
        Chromium.check(walk, page, "reflow", "phone menu open");

        // A colleague's pages of a share link, and the sandbox's consent page the business passes through.
        page.navigate(root + "connect/share");
        page.locator("input[name=colleague]").fill("Jeanne Comptable-Longuenom");
        Chromium.click(walk, page.locator("form[action='/connect/share'] button[type=submit]"));
        String token = page.locator("#share-url").inputValue().replaceFirst(".*/share/", "");
        page.navigate(root + "connect/platforms/qonto");
        Chromium.click(
                walk,
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Agree and continue to Qonto")));
        Chromium.assertUrlContains(page, "/sandbox/qonto/oauth/authorize");
        String consent = page.url().substring(root.toString().length());

        List<String> pages = List.of(
                "share/" + token,
                "share/" + token + "/cancelled",
                consent,
                "",
                "faq",
                "privacy",
                "support",
                "connect",
                "connect/platforms",
                "connect/platforms?q=sage",
                "connect/platforms/sage-50-france",
                "connect/connected/" + connected,
                "connect/share",
                "connect/upload",
                "connections",
                "connections/" + connected,
                "activity",
                "company",
                "account");
        List<String> overflowing = new ArrayList<>();
        for (String language : List.of("en", "fr")) {
            page.context().addCookies(List.of(new Cookie("lang", language).setUrl(root.toString())));
            for (String path : pages) {
                page.navigate(root + path);
                int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
                if (width > NARROWEST) {
                    overflowing.add(language + " /" + path + ": " + (width - NARROWEST) + " px");
                    Chromium.screenshot(page, "reflow-" + language + "-" + shortName(path));
                }
                if (language.equals("fr")) {
                    // The other walks are in English: axe-core reads every page in French here.
                    Chromium.assertAccessible(page, "fr /" + path);
                }
            }
        }
        signedOut(chromium, overflowing);
        assertTrue(overflowing.isEmpty(), "pages wider than 320 px: " + overflowing);
    }

    /** A file name for a page's screenshot: its path without the query (the consent page's is long). */
    private static String shortName(String path) {
        return path.replaceFirst("\\?.*", "").replaceAll("\\W", "-");
    }

    /** The pages a visitor sees before signing up. */
    private void signedOut(Chromium chromium, List<String> overflowing) {
        try (BrowserContext visitor = chromium.context(Walk.PHONE)) {
            Page page = visitor.newPage();
            page.setViewportSize(NARROWEST, 640);
            for (String language : List.of("en", "fr")) {
                visitor.addCookies(List.of(new Cookie("lang", language).setUrl(root.toString())));
                for (String path : List.of("", "signup", "login", "privacy", "faq")) {
                    page.navigate(root + path);
                    int width = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
                    if (width > NARROWEST) {
                        overflowing.add(language + " (signed out) /" + path + ": " + (width - NARROWEST) + " px");
                    }
                }
            }
        }
    }
}
