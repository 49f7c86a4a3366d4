package io.connectionportal.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import io.connectionportal.shared.Hashes;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;

/** Only a known, unrevoked bearer key opens the API; the key is never stored; sessions and keys stay apart. */
@QuarkusTest
class ApiKeysTest {

    @Inject
    ApiKeys keys;

    @Test
    void aRequestWithoutAKeyIs401WithAProblemAndABearerChallenge() {
        given().get("/api/v1/companies")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("urn:connection-portal:problem:unauthorized"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("detail", startsWith("Send an API key"));
    }

    @Test
    void anUnknownOrMalformedKeyIs401() {
        for (String header : new String[] {
            "Bearer cp_live_unknownunknownunknownunknownunknown",
            "Basic dXNlcjpwYXNz",
            "Bearer",
            "Bearer a b",
            "cp_live_x"
        }) {
            given().header("Authorization", header)
                    .get("/api/v1/companies")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("status", equalTo(401));
        }
    }

    @Test
    void aCreatedKeyWorksUntilItIsRevokedAndIsStoredOnlyAsItsHash() {
        ApiKeys.CreatedKey created = keys.create("Underwriting service");
        assertTrue(created.key().startsWith("cp_live_") && created.key().length() == 51, created.key());

        Api.as(created.key()).get("/api/v1/companies").then().statusCode(200);

        assertEquals(
                1, Rows.count("api_key", "id = ?1 and key_hash = ?2", created.id(), Hashes.sha256Hex(created.key())));
        assertEquals(0, Rows.count("api_key", "key_hash = ?1 or name = ?1 or prefix = ?1", created.key()));
        assertEquals(created.key().substring(0, 12), created.prefix());
        assertFalse(created.toString().contains(created.key()));
        ApiKeys.KeyView listed = keys.list().stream()
                .filter(k -> k.id() == created.id())
                .findFirst()
                .orElseThrow();
        assertEquals("Underwriting service", listed.name());
        assertTrue(listed.lastUsedAt() != null, "its use is shown");

        assertTrue(keys.revoke(created.id()));
        assertFalse(keys.revoke(created.id()), "already revoked");
        Api.as(created.key())
                .get("/api/v1/companies")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("detail", equalTo("This API key is unknown or was revoked."));
    }

    @Test
    void theBootstrapKeyIsStoredOnceHashedHoweverOftenItIsEnsured() {
        keys.ensureBootstrap(Api.KEY);
        keys.ensureBootstrap(Api.KEY);

        assertEquals(1, Rows.count("api_key", "key_hash = ?1 and name = 'bootstrap'", Hashes.sha256Hex(Api.KEY)));
        assertEquals(0, Rows.count("api_key", "prefix = ?1", Api.KEY));
    }

    @Test
    void aSessionCookieDoesNotOpenTheApiAndAKeyDoesNotOpenAPage() {
        Browser browser = new Browser();
        browser.signUp("Cookie Only Co");
        browser.request()
                .accept(ContentType.JSON)
                .get("/api/v1/companies")
                .then()
                .statusCode(401);

        given().redirects()
                .follow(false)
                .header("Authorization", "Bearer " + Api.KEY)
                .get("/connections")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.containsString("/login"));
    }
}
