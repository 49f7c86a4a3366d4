package io.connectionportal.api;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Calls the API as an integrator does: with the test profile's bootstrap key, JSON in and out. */
final class Api {

    /** {@code %test.portal.api.bootstrap-key}: a test value, never a secret. */
    static final String KEY = "test-bootstrap-key-0123456789abcdefghijklmnop";

    private Api() {}

    static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key).accept(ContentType.JSON);
    }

    static RequestSpecification request() {
        return as(KEY);
    }

    static Response createCompany(String json) {
        return request().contentType(ContentType.JSON).body(json).post("/api/v1/companies");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String company(String name, String externalRef) {
        return "{\"name\":\"" + name + "\",\"externalRef\":\"" + externalRef
                + "\",\"country\":\"FR\",\"language\":\"fr\"}";
    }
}
