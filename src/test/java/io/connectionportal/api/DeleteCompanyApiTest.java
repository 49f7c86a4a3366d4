package io.connectionportal.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/** DELETE /api/v1/companies/{id}: the account erasure of the business, with its connections revoked. */
@QuarkusTest
class DeleteCompanyApiTest {

    @Test
    void aDeletedCompanyIsGoneFromTheApiAndItsReferenceIsFreeAgain() {
        String ref = Api.unique("erase");
        long id = Api.createCompany(Api.company("To Be Erased", ref))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");

        Api.request().delete("/api/v1/companies/" + id).then().statusCode(204);

        Api.request().get("/api/v1/companies/" + id).then().statusCode(404);
        Api.request().get("/api/v1/companies/" + id + "/connections").then().statusCode(404);
        Api.request()
                .queryParam("externalRef", ref)
                .get("/api/v1/companies")
                .then()
                .statusCode(200)
                .body("data", hasSize(0));
        Api.request()
                .delete("/api/v1/companies/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:connection-portal:problem:not-found"));
        assertEquals(
                1,
                Rows.count("company", "id = ?1 and deleted_at is not null and external_ref is null and name = ''", id));
        Api.createCompany(Api.company("Same Reference, New Company", ref))
                .then()
                .statusCode(201);
    }

    @Test
    void deletingACompanyRevokesAndDeletesItsConnectionsAndErasesItsUsers() {
        Browser browser = new Browser();
        String email = browser.signUp("Signed Up Then Erased By The Lender");
        SandboxJourney.connect(browser, "xero");
        long id = ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();

        Api.request().delete("/api/v1/companies/" + id).then().statusCode(204);

        assertEquals(0, Rows.count("connection", "company_id = ?1", id));
        assertEquals(0, Rows.count("app_user", "company_id = ?1", id));
        assertEquals(
                0, Rows.count("revocation", "company_id = ?1 and revoked_at is null", id), "revoked at the sandbox");
        browser.get("/connections").then().statusCode(303);
    }

    @Test
    void anUnknownIdOrNoKeyDeletesNothing() {
        Api.request().delete("/api/v1/companies/999999999").then().statusCode(404);
        Api.request().delete("/api/v1/companies/abc").then().statusCode(404);
        long id = Api.createCompany(Api.company("Kept", Api.unique("kept")))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        io.restassured.RestAssured.given()
                .delete("/api/v1/companies/" + id)
                .then()
                .statusCode(401);
        assertEquals(1, Rows.count("company", "id = ?1 and deleted_at is null", id));
    }
}
