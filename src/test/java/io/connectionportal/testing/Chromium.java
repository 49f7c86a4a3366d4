package io.connectionportal.testing;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * Debian's Chromium driven by Playwright, for the {@link BrowserTest} classes: never a downloaded browser.
 * {@link BrowserExtension} launches it once per JVM and hands out pages. Also checks pages with axe-core
 * against WCAG 2.1 A and AA and saves screenshots under target/screenshots.
 */
public final class Chromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** The viewports every browser test covers: a desktop and a 390 px wide phone. */
    public enum Viewport {
        DESKTOP(1280, 800),
        PHONE(390, 844);

        public final int width;
        public final int height;

        Viewport(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    /**
     * The walks every browser test makes: desktop and phone with axe-core and screenshots, and the
     * phone again with JavaScript off, which proves a flow needs none (axe-core itself needs it).
     */
    public enum Walk {
        DESKTOP(Viewport.DESKTOP, true),
        PHONE(Viewport.PHONE, true),
        PHONE_WITHOUT_JAVASCRIPT(Viewport.PHONE, false);

        public final Viewport viewport;
        public final boolean javaScript;

        Walk(Viewport viewport, boolean javaScript) {
            this.viewport = viewport;
            this.javaScript = javaScript;
        }
    }

    private final Playwright playwright;
    private final Browser browser;

    Chromium() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("Browser tests need Debian's Chromium at " + EXECUTABLE
                    + " (apt-get install -y chromium), or CHROMIUM_PATH pointing to a Chromium binary.");
        }
        // Assertions wait for the page to get there; a busy two-core machine needs more than the default 5 s.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--no-first-run",
                                "--disable-sync")));
    }

    /**
     * Waits until the page's URL ends with {@code end}. A click does not wait for the page it loads, so
     * reading {@code page.url()} right after one can still see the page before.
     */
    public static void assertUrlEndsWith(Page page, String end) {
        PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile(".*" + literal(end) + "$"));
    }

    /** Waits until the page's URL contains {@code part}. */
    public static void assertUrlContains(Page page, String part) {
        PlaywrightAssertions.assertThat(page).hasURL(Pattern.compile(".*" + literal(part) + ".*"));
    }

    /** {@code text} as a regular expression read literally by Java and by JavaScript, which knows no Pattern.quote. */
    private static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}/]", "\\\\$0");
    }

    /** A fresh browser profile (no cookies) with the viewport and, if asked, JavaScript switched off. */
    public BrowserContext context(Viewport viewport, boolean javaScript) {
        return browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(viewport.width, viewport.height)
                .setLocale("en-GB")
                .setJavaScriptEnabled(javaScript)
                .setIsMobile(viewport == Viewport.PHONE));
    }

    public BrowserContext context(Walk walk) {
        return context(walk.viewport, walk.javaScript);
    }

    /** On the walks with JavaScript: axe-core must find nothing, and the page is saved as {@code <prefix>-<viewport>-<name>.png}. */
    public static void check(Walk walk, Page page, String prefix, String name) {
        if (walk.javaScript) {
            assertAccessible(page, name);
            screenshot(page, prefix + "-" + walk.viewport.name().toLowerCase() + "-" + name.replace(' ', '-'));
        }
    }

    /**
     * Activates a link or button like a person: a click, or without JavaScript the keyboard (focus, Enter).
     * Playwright waits for an element to be "stable" using animation frames, which a page without
     * JavaScript does not reliably produce, and a forced click at the element's position can land on
     * whatever covers it; Enter on the focused element needs neither. Neither waits for the page it
     * loads: assert on the next page with Playwright's waiting assertions.
     */
    public static void click(Walk walk, Locator target) {
        if (walk.javaScript) {
            target.click();
        } else {
            target.press("Enter");
        }
    }

    /** The button whose accessible name is exactly {@code name}. */
    public static Locator button(Page page, String name) {
        return page.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The link whose accessible name is exactly {@code name}. */
    public static Locator link(Page page, String name) {
        return page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** A heading whose accessible name contains {@code name}. */
    public static Locator heading(Page page, String name) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name));
    }

    /** Opens an account through the sign-up form as a business owner does; the browser is then signed in. */
    public static void signUp(Walk walk, Page page, URL root, String email, String company) {
        page.navigate(root + "signup");
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill(io.connectionportal.testing.Browser.PASSWORD);
        page.getByLabel("Company name").fill(company);
        click(walk, button(page, "Create account and continue"));
    }

    /** Connects Xero through the built-in sandbox (consent, then "Allow"), waiting for the connected page. */
    public static void connectSandboxXero(Walk walk, Page page, URL root) {
        page.navigate(root + "connect/platforms/xero");
        click(walk, button(page, "Agree and continue to Xero"));
        click(walk, page.locator("#allow"));
        assertUrlContains(page, "/connect/connected/");
    }

    /** Follows a link of the site menu as a user of the walk's screen would: on a phone, through the compact menu. */
    public static void followMenuLink(Walk walk, Page page, String href) {
        if (walk.viewport == Viewport.PHONE) {
            click(walk, page.locator(".nav-menu summary"));
            click(walk, page.locator(".nav-menu a[href='" + href + "']"));
        } else {
            click(walk, page.locator(".main-nav .nav-wide a[href='" + href + "']"));
        }
    }

    /**
     * Fails with a readable list when axe-core finds any WCAG 2.1 A or AA violation on the page.
     * axe-core runs as a script, so the page's context must have JavaScript on.
     */
    public static void assertAccessible(Page page, String name) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_21_AA).analyze();
        if (!results.getViolations().isEmpty()) {
            String report = results.getViolations().stream()
                    .map(rule -> rule.getId() + ": " + rule.getHelp() + " -> "
                            + rule.getNodes().stream()
                                    .map(node -> String.valueOf(node.getTarget()))
                                    .collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("\n"));
            throw new AssertionError(
                    "axe-core found WCAG 2.1 AA violations on " + name + " (" + page.url() + "):\n" + report);
        }
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /**
     * Ticks a box (or chooses a radio button) as a keyboard user does: a forced click lands wherever the control is
     * drawn, which on a phone without JavaScript may be under another element, and then changes nothing.
     */
    public static void tick(Locator control) {
        if (!control.isChecked()) {
            control.focus();
            control.press("Space");
        }
        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(control)
                .isChecked();
    }
}
