package io.connectionportal.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A key that used up its minute gets 429 with Retry-After and a problem; the other keys go on. */
@QuarkusTest
class ApiRateLimitedKeyTest {

    @Inject
    ApiKeys keys;

    @Inject
    ApiRateLimit limit;

    @Test
    void aKeyOverItsLimitIsAnsweredTooManyRequestsAndOthersAreNot() {
        ApiKeys.CreatedKey busy = keys.create("busy " + Api.unique("k"));
        // Use up this minute the way a runaway integration would, without sending the test profile's 100,000 calls.
        while (limit.take(busy.id()).isEmpty()) {
            // counting
        }
        Api.as(busy.key())
                .get("/api/v1/companies")
                .then()
                .statusCode(429)
                .contentType(Problem.MEDIA_TYPE)
                .header("Retry-After", notNullValue())
                .body("type", equalTo("urn:connection-portal:problem:rate-limited"));
        Api.request().get("/api/v1/companies").then().statusCode(200);
    }
}
