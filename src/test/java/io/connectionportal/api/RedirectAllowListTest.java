package io.connectionportal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The redirect allow-list: configured prefixes, entries added in the back office, and the path-boundary rule. */
@QuarkusTest
class RedirectAllowListTest {

    @Inject
    RedirectAllowList allowList;

    @Test
    void anEntryMatchesAtAPathBoundaryOnly() {
        assertTrue(RedirectAllowList.under("https://a.example/back", "https://a.example/back"));
        assertTrue(RedirectAllowList.under("https://a.example/back/deeper", "https://a.example/back"));
        assertTrue(RedirectAllowList.under("https://a.example/back?x=1", "https://a.example/back"));
        assertTrue(RedirectAllowList.under("https://a.example/anything", "https://a.example/"));
        assertFalse(RedirectAllowList.under("https://a.example/backdoor", "https://a.example/back"));
        assertFalse(RedirectAllowList.under("https://a.example.evil.test/", "https://a.example"));
        assertFalse(RedirectAllowList.under("https://a.example@evil.test/", "https://a.example"));
    }

    @Test
    void anEntryAddedInTheBackOfficeAllowsLinksUntilItIsRemoved() {
        String prefix = "https://partner-" + Api.unique("p") + ".example/back";
        assertEquals(Optional.empty(), allowList.add(prefix, "admin@lender.example"));
        assertEquals(Optional.of(RedirectAllowList.Refusal.DUPLICATE), allowList.add(prefix, "admin@lender.example"));
        long company = Api.createCompany(Api.company("Partenaire", Api.unique("ref")))
                .then()
                .statusCode(201)
                .extract()
                .<Integer>path("id")
                .longValue();
        String body = "{\"redirectUrl\":\"" + prefix + "?c=1\"}";
        Api.request()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/companies/" + company + "/links")
                .then()
                .statusCode(201);
        RedirectAllowList.Entry entry = allowList.stored().stream()
                .filter(e -> e.prefix().equals(prefix))
                .findFirst()
                .orElseThrow();
        assertEquals("admin@lender.example", entry.addedBy());
        assertTrue(allowList.remove(entry.id()));
        Api.request()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/companies/" + company + "/links")
                .then()
                .statusCode(400);
    }

    @Test
    void onlyAbsoluteHttpsEntriesAreAccepted() {
        assertEquals(Optional.of(RedirectAllowList.Refusal.NOT_HTTPS), allowList.add("http://lender.example/", "a"));
        assertEquals(Optional.of(RedirectAllowList.Refusal.MALFORMED), allowList.add("/relative", "a"));
        assertEquals(Optional.of(RedirectAllowList.Refusal.MALFORMED), allowList.add("not a url", "a"));
        assertEquals(Optional.of(RedirectAllowList.Refusal.USER_INFO), allowList.add("https://u@lender.example/", "a"));
        assertEquals(Optional.of(RedirectAllowList.Refusal.FRAGMENT), allowList.add("https://lender.example/#x", "a"));
        assertEquals(
                Optional.of(RedirectAllowList.Refusal.TOO_LONG),
                allowList.add("https://lender.example/" + "x".repeat(600), "a"));
        assertEquals(
                Optional.of(RedirectAllowList.Refusal.DUPLICATE),
                allowList.add("https://app.lender.example/connected", "a"));
        assertTrue(allowList.configured().contains("https://app.lender.example/connected"));
    }
}
