package io.connectionportal.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Rows;

/** A POST retried with the same Idempotency-Key creates once and answers the same; a new body with it is refused. */
@QuarkusTest
class IdempotencyKeyTest {

    @Inject
    Idempotency idempotency;

    @Test
    void aRetryWithTheSameKeyGetsTheSameCompanyAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        String ref = Api.unique("retry");
        Response first = post(key, Api.company("Retried Ltd", ref));
        Response again = post(key, Api.company("Retried Ltd", ref));

        first.then().statusCode(201);
        again.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(first.body().asString(), again.body().asString());
        assertEquals(first.header("Location"), again.header("Location"));
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals(1, Rows.count("company", "external_ref = ?1", ref));
    }

    @Test
    void twoRequestsWithTheSameKeyAtOnceCreateOneCompany() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = Api.unique("Concurrent");
        String body = "{\"name\":\"" + name + "\",\"country\":\"FR\",\"language\":\"fr\"}";
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Response> call = () -> {
                start.await();
                return post(key, body);
            };
            List<Future<Response>> calls = List.of(pool.submit(call), pool.submit(call));
            start.countDown();
            List<Response> responses = List.of(calls.get(0).get(), calls.get(1).get());

            assertEquals(1, Rows.count("company", "name = ?1", name));
            for (Response response : responses) {
                // The loser either replays the winner's answer or, while the winner still works, is told to retry.
                int status = response.statusCode();
                assertTrue(status == 201 || status == 409, "status " + status);
                if (status == 409) {
                    response.then().body("type", equalTo("urn:connection-portal:problem:idempotency-key-in-use"));
                }
            }
            assertTrue(responses.stream().anyMatch(r -> r.statusCode() == 201));
            post(key, body).then().statusCode(201).header("Idempotent-Replayed", "true");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        post(key, Api.company("First Body", Api.unique("body"))).then().statusCode(201);
        String otherRef = Api.unique("other");

        post(key, Api.company("Second Body", otherRef))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:connection-portal:problem:idempotency-key-reused"));
        assertEquals(0, Rows.count("company", "external_ref = ?1", otherRef));
    }

    @Test
    void aRefusedRequestIsReplayedAsRefusedAndABadKeyIsA400() {
        String ref = Api.unique("taken");
        Api.createCompany(Api.company("Taken", ref)).then().statusCode(201);
        String key = UUID.randomUUID().toString();
        post(key, Api.company("Taken Again", ref)).then().statusCode(409);
        post(key, Api.company("Taken Again", ref))
                .then()
                .statusCode(409)
                .header("Idempotent-Replayed", "true")
                .body("type", equalTo("urn:connection-portal:problem:duplicate-external-ref"));

        post("has space", Api.company("Bad Key", Api.unique("bad")))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        post("k".repeat(256), Api.company("Bad Key", Api.unique("bad"))).then().statusCode(400);
    }

    @Test
    void keysExpireAfterADayAndThePurgeRemovesThem() {
        String key = UUID.randomUUID().toString();
        String ref = Api.unique("expiring");
        post(key, Api.company("Expiring", ref)).then().statusCode(201);
        assertEquals(1, Rows.count("api_idempotency_key", "idempotency_key = ?1", key));

        idempotency.purge(Instant.now().plus(Duration.ofHours(23)));
        assertEquals(1, Rows.count("api_idempotency_key", "idempotency_key = ?1", key));
        idempotency.purge(Instant.now().plus(Duration.ofHours(25)));
        assertEquals(0, Rows.count("api_idempotency_key", "idempotency_key = ?1", key));

        // A day later the key is new again: the same body is a new request, refused here for its reference.
        post(key, Api.company("Expiring", ref)).then().statusCode(409);
    }

    private static Response post(String key, String body) {
        return Api.request()
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/companies");
    }
}
