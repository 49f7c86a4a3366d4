package io.connectionportal.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;

/** POST, GET and list /api/v1/companies: the contract an integrator codes against, errors included. */
@QuarkusTest
class CompaniesApiTest {

    @Test
    void aCompanyIsCreatedReadBackAndFoundByItsExternalReferenceWithoutACsrfToken() {
        String ref = Api.unique("cust");
        Response created = Api.createCompany(Api.company("Boulangerie Martin", ref));

        created.then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", containsString("/api/v1/companies/"))
                .body("name", equalTo("Boulangerie Martin"))
                .body("externalRef", equalTo(ref))
                .body("country", equalTo("FR"))
                .body("language", equalTo("fr"))
                .body("createdAt", notNullValue());
        long id = created.jsonPath().getLong("id");
        assertTrue(created.header("Location").endsWith("/api/v1/companies/" + id));

        Map<String, Object> read = Api.request()
                .get("/api/v1/companies/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
        assertEquals(created.jsonPath().getMap(""), read);

        Api.request()
                .queryParam("externalRef", ref)
                .get("/api/v1/companies")
                .then()
                .statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].id", equalTo((int) id))
                .body("next", nullValue());
        Api.request()
                .queryParam("externalRef", Api.unique("nobody"))
                .get("/api/v1/companies")
                .then()
                .statusCode(200)
                .body("data", hasSize(0));
        assertEquals(0, Rows.count("app_user", "company_id = ?1", id), "no user until the business signs up");
    }

    @Test
    void theExternalReferenceIsOptionalAndTheListIsWalkedPageByPageWithItsCursor() {
        List<Integer> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(Api.createCompany("{\"name\":\"Paged " + i + "\",\"country\":\"GB\",\"language\":\"en\"}")
                    .then()
                    .statusCode(201)
                    .body("externalRef", nullValue())
                    .extract()
                    .path("id"));
        }
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = Api.request().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/companies")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Integer> ids = page.getList("data.id");
            assertTrue(ids.size() <= 2);
            seen.addAll(ids);
            cursor = page.getString("next");
            pages++;
        } while (cursor != null && pages < 10_000);

        assertTrue(seen.containsAll(made), "every company is on some page");
        assertEquals(seen.size(), seen.stream().distinct().count(), "none twice");
        assertEquals(seen.stream().sorted().toList(), seen, "oldest first");
    }

    @Test
    void eachInvalidFieldIsNamedInAProblem() {
        String longName = "n".repeat(121);
        Response response = Api.createCompany("{\"name\":\"" + longName
                + "\",\"externalRef\":\"\",\"country\":\"France\",\"language\":\"de\",\"owner\":\"x\",\"extra\":1}");

        response.then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:connection-portal:problem:validation"))
                .body("status", equalTo(400))
                .body("errors.field", hasItem("owner"))
                .body("errors.field", hasItem("extra"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("externalRef"))
                .body("errors.field", hasItem("country"))
                .body("errors.field", hasItem("language"))
                .body("errors.find { it.field == 'owner' }.detail", containsString("unknown field"))
                .body("errors.find { it.field == 'country' }.detail", containsString("ISO 3166-1 alpha-2"));

        assertFieldError("{}", "name", "is required");
        assertFieldError("{\"name\":5,\"country\":\"FR\",\"language\":\"fr\"}", "name", "must be a string");
        assertFieldError(
                "{\"name\":\"A\\u0000B\",\"country\":\"FR\",\"language\":\"fr\"}", "name", "control characters");
        assertFieldError("{\"name\":\"A\",\"country\":\"fr\",\"language\":\"fr\"}", "country", "ISO 3166-1");
        assertFieldError(
                "{\"name\":\"A\",\"country\":\"FR\",\"language\":\"fr\",\"externalRef\":\"" + "r".repeat(101) + "\"}",
                "externalRef",
                "at most 100");
        assertFieldError("not json", "body", "JSON object");
        assertFieldError("[1,2]", "body", "JSON object");
        assertFieldError("{\"name\":\"A\"} trailing", "body", "JSON object");
        assertFieldError("", "body", "JSON object");
        assertFieldError("{\"name\":\"" + "x".repeat(5000) + "\"}", "body", "at most 4096");

        assertQueryError("limit=0", "limit");
        assertQueryError("limit=101", "limit");
        assertQueryError("cursor=bm90LWEtY3Vyc29y", "cursor");
        assertQueryError("cursor=%25%25", "cursor");
        assertQueryError("limit=ten", "limit");
    }

    @Test
    void aCompanyMadeByTheApiGetsTheTimeZoneOfItsCountryOrElseOfItsLanguage() {
        long american = Api.createCompany("{\"name\":\"Diner Inc\",\"country\":\"US\",\"language\":\"en\"}")
                .jsonPath()
                .getLong("id");
        long french = Api.createCompany(Api.company("Fromagerie Dupont", Api.unique("cust")))
                .jsonPath()
                .getLong("id");
        // A country the portal knows no zone for: its language decides, and the business corrects it on /company.
        long english = Api.createCompany("{\"name\":\"Reykjavik Ltd\",\"country\":\"IS\",\"language\":\"en\"}")
                .jsonPath()
                .getLong("id");
        assertEquals("America/New_York", Rows.single("select time_zone from company where id = ?1", american));
        assertEquals("Europe/Paris", Rows.single("select time_zone from company where id = ?1", french));
        assertEquals("Europe/London", Rows.single("select time_zone from company where id = ?1", english));
    }

    @Test
    void anUnknownIdIsA404Problem() {
        for (String id : new String[] {"999999999", "0", "-1", "abc", "1e3"}) {
            Api.request()
                    .get("/api/v1/companies/" + id)
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:connection-portal:problem:not-found"))
                    .body("status", equalTo(404));
        }
    }

    @Test
    void aSecondCompanyWithTheSameExternalReferenceIsA409AndNotCreated() {
        String ref = Api.unique("dup");
        Api.createCompany(Api.company("First", ref)).then().statusCode(201);

        Api.createCompany(Api.company("Second", ref))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:connection-portal:problem:duplicate-external-ref"));
        assertEquals(1, Rows.count("company", "external_ref = ?1", ref));
    }

    @Test
    void aCompanyMadeByTheApiHasNoOwnerAndTheMonitorStillShows() {
        Api.createCompany(Api.company("Ownerless", Api.unique("ownerless")))
                .then()
                .statusCode(201);

        Browser admin = new Browser();
        Response signUp = admin.submit(
                "/signup",
                "/signup",
                Map.of("email", "monitor-admin@example.com", "password", Browser.PASSWORD, "companyName", "Ops"));
        if (signUp.statusCode() != 303) {
            admin.submit(
                    "/login", "/login", Map.of("email", "monitor-admin@example.com", "password", Browser.PASSWORD));
        }
        admin.get("/monitor").then().statusCode(200);
    }

    private static void assertFieldError(String body, String field, String detail) {
        Api.createCompany(body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.find { it.field == '" + field + "' }.detail", containsString(detail));
    }

    private static void assertQueryError(String query, String field) {
        Api.request()
                .get("/api/v1/companies?" + query)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }
}
