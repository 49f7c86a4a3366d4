package io.connectionportal.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;

/** What the framework itself refuses under /api/ is a problem document too; pages keep their HTML error pages. */
@QuarkusTest
class ApiProblemsTest {

    @Test
    void anUnknownPathIsA404Problem() {
        Api.request()
                .get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:connection-portal:problem:not-found"))
                .body("detail", containsString("/q/openapi"));
    }

    @Test
    void aWrongMethodOrMediaTypeIsAProblem() {
        Api.request()
                .put("/api/v1/companies")
                .then()
                .statusCode(405)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:connection-portal:problem:method-not-allowed"));
        Api.request()
                .contentType("text/plain")
                .body("name=x")
                .post("/api/v1/companies")
                .then()
                .statusCode(415)
                .contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("urn:connection-portal:problem:unsupported-media-type"));
    }

    @Test
    void pagesKeepTheirOwnErrorPage() {
        new Browser().get("/no-such-page").then().statusCode(404).contentType(containsString("text/html"));
    }
}
