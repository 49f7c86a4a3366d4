package io.connectionportal.shared;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;

/** Nothing a signed-in user sees, and no share-link page, is kept in a browser's or a proxy's cache. */
@QuarkusTest
class NoStoreTest {

    @Test
    void signedInPagesAreNeverStored() {
        Browser browser = new Browser();
        browser.signUp("No Store Co");
        for (String path :
                new String[] {"/connect", "/connect/platforms", "/connections", "/connect/share", "/privacy"}) {
            assertEquals("no-store", browser.get(path).header("Cache-Control"), path);
        }
    }

    @Test
    void shareLinkPagesAreNeverStoredEvenForAColleagueWithoutAnAccount() {
        assertEquals(
                "no-store",
                given().redirects().follow(false).get("/share/unknown-token").header("Cache-Control"));
    }

    @Test
    void anAnonymousPublicPageMayBeCached() {
        assertNotEquals("no-store", given().get("/").header("Cache-Control"));
    }
}
