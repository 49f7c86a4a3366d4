package io.connectionportal.shared;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;

/**
 * Page basics (issue 13, point 16): text compressed for clients that ask, a meta description on public pages,
 * static files under fingerprinted addresses that alone are cached as immutable, a compact menu on phones, a landing
 * that shows the connect step, and a privacy page that states facts rather than a statistic.
 */
@QuarkusTest
class PageBasicsTest {

    private static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/portal\\.css\\?v=([0-9a-f]{12}))\"");
    private static final Pattern THEME = Pattern.compile("href=\"(/theme\\.css\\?v=[0-9a-f]{12})\"");

    @Test
    void textIsCompressedForClientsThatAskAndOnlyForThem() {
        Response gzipped = given().header("Accept-Encoding", "gzip").get("/");
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.header("Content-Encoding"));
        assertTrue(gzipped.body().asString().contains("<html"), "decompressed, it is the page");
        // Without its content decoders the client stops asking for gzip on its own.
        Response plain = given().config(RestAssured.config()
                        .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "identity")
                .get("/");
        assertEquals(null, plain.header("Content-Encoding"));
        assertEquals(
                "gzip",
                given().header("Accept-Encoding", "gzip")
                        .get(stylesheet(plain.body().asString()))
                        .header("Content-Encoding"));
    }

    @Test
    void publicPagesHaveAMetaDescription() {
        for (String path : List.of("/", "/signup", "/login", "/privacy", "/faq")) {
            String page = given().get(path).body().asString();
            assertTrue(
                    page.contains(
                            "<meta name=\"description\" content=\"Connect your accounting software, bank and shop"),
                    path);
        }
        String french = given().cookie("lang", "fr").get("/").body().asString();
        assertTrue(french.contains("<meta name=\"description\" content=\"Reliez votre logiciel comptable"), french);
    }

    @Test
    void onlyAFingerprintedAddressIsCachedAsImmutable() {
        String page = given().get("/").body().asString();
        Matcher link = STYLESHEET.matcher(page);
        assertTrue(link.find(), "the stylesheet's address carries its fingerprint");
        assertEquals(
                "public, max-age=31536000, immutable",
                given().get(link.group(1)).header("Cache-Control"));
        assertEquals("no-cache", given().get("/css/portal.css").header("Cache-Control"), "no fingerprint");
        assertEquals(
                "no-cache",
                given().get("/css/portal.css?v=000000000000").header("Cache-Control"),
                "an old fingerprint is not the file served now");
        Browser browser = new Browser();
        browser.signUp("Fingerprint Co");
        String picker = browser.get("/connect/platforms").body().asString();
        assertTrue(picker.contains("src=\"/js/picker.js?v="), "the picker's script is fingerprinted");

        // The brand's colours too, and a signed-in page's link to them is cached like any file: no session is read
        // for it, so it is not one of the signed-in responses kept out of caches.
        Matcher theme = THEME.matcher(picker);
        assertTrue(theme.find(), "the brand's style sheet carries its fingerprint");
        assertEquals(
                "public, max-age=31536000, immutable",
                browser.get(theme.group(1)).header("Cache-Control"));
        assertTrue(browser.get(theme.group(1)).body().asString().contains("--brand:#1d4ed8"));
        assertEquals("no-cache", browser.get("/theme.css").header("Cache-Control"), "no fingerprint");
        assertEquals("no-cache", given().get("/theme.css?v=000000000000").header("Cache-Control"));
    }

    @Test
    void aSignedInPhoneGetsAMenuTheLandingShowsTheConnectStepAndPrivacyStatesFacts() {
        Browser browser = new Browser();
        browser.signUp("Menu Co");
        String dashboard = browser.get("/connections").body().asString();
        assertTrue(dashboard.contains("<details class=\"nav-menu\">"), "the phone's compact menu");
        assertTrue(dashboard.contains("<summary>Menu</summary>"));

        String landing = given().get("/").body().asString();
        assertTrue(landing.contains("<figure class=\"hero-shot\">"), "a picture of the connect step");
        assertTrue(landing.contains("Agree and continue to Xero"));

        String privacy = given().get("/privacy").body().asString();
        assertTrue(privacy.contains("How your data is protected"));
        assertTrue(privacy.contains("AES-256-GCM"));
        assertFalse(privacy.contains("data breaches"), "facts, not a statistic");
    }

    private static String stylesheet(String page) {
        Matcher link = STYLESHEET.matcher(page);
        assertTrue(link.find());
        return link.group(1);
    }
}
