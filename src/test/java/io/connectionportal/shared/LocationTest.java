package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;

/** A redirect never goes to the host a request claimed: it is built from portal.base-url. */
@QuarkusTest
class LocationTest {

    @ConfigProperty(name = "portal.base-url")
    String baseUrl;

    @Test
    void aForgedHostHeaderNeverReachesARedirect() {
        Browser browser = new Browser();
        browser.signUp("Host Header Co");
        browser.setHeader("Host", "evil.example");

        String location = browser.get("/signup").header("Location");

        assertFalse(location.contains("evil.example"), location);
        assertEquals(baseUrl + "/connect", location);
    }

    @Test
    void theLanguageSwitcherToo() {
        Browser browser = new Browser();
        browser.get("/");
        browser.setHeader("Host", "evil.example");
        String location =
                browser.post("/language", Map.of("lang", "fr", "next", "/faq")).header("Location");
        assertEquals(baseUrl + "/faq", location);
    }
}
