package io.connectionportal.api;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import io.connectionportal.sync.SyncWorker;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;
import io.connectionportal.testing.WebhookReceiver;
import io.connectionportal.webhooks.WebhookDispatcher;

/** Refresh, deauthorize and delete a connection through the API: the same paths, trail and webhooks as the pages. */
@QuarkusTest
class ConnectionOperationsApiTest {

    @WebhookReceiver.Server
    WireMockServer receiver;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    SyncWorker syncs;

    @Test
    void aRefreshQueuesExactlyOneSyncAndItsIdempotencyKeyReplaysTheSameAnswer() throws Exception {
        Browser owner = new Browser();
        long company = companyOf(owner.signUp("Api Refresh Co"));
        long id = SandboxJourney.connect(owner, "xero");
        syncs.runPending();
        String path = "/api/v1/companies/" + company + "/connections/" + id + "/refresh";

        Response first = Api.request()
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "refresh-" + id)
                .post(path);
        first.then()
                .statusCode(202)
                .contentType("application/json")
                .body("connectionId", equalTo((int) id))
                .body("trigger", equalTo("MANUAL"))
                .body("status", equalTo("QUEUED"))
                .body("alreadyQueued", equalTo(false))
                .body("queuedAt", notNullValue());
        Response replayed = Api.request()
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "refresh-" + id)
                .post(path);
        replayed.then().statusCode(202).header("Idempotent-Replayed", "true");
        assertEquals(first.asString(), replayed.asString());
        assertEquals(1, Rows.count("sync_job", "connection_id = ?1 and trigger_type = 'MANUAL'", id));

        // As curl -X POST sends it: no body and no Content-Type.
        HttpResponse<String> bare = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                                .header("Authorization", "Bearer " + Api.KEY)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(202, bare.statusCode(), bare.body());
        assertEquals(first.jsonPath().getInt("id"), JsonPath.from(bare.body()).getInt("id"));
        assertTrue(JsonPath.from(bare.body()).getBoolean("alreadyQueued"), "the sync already queued, not a second");
        assertEquals(1, Rows.count("sync_job", "connection_id = ?1 and trigger_type = 'MANUAL'", id));
        assertEquals(
                1,
                Rows.count(
                        "audit_event",
                        "connection_id = ?1 and type = 'REFRESHED' and actor = 'API key bootstrap'",
                        id));

        syncs.runPending();
        Api.request()
                .get("/api/v1/companies/" + company + "/connections/" + id + "/syncs")
                .then()
                .statusCode(200)
                .body("data[0].trigger", equalTo("MANUAL"))
                .body("data[0].outcome", equalTo("SUCCESS"));
    }

    @Test
    void refreshingADeauthorizedConnectionIsAConflict() {
        Browser owner = new Browser();
        long company = companyOf(owner.signUp("Api Refresh Refused Co"));
        long id = SandboxJourney.connect(owner, "xero");
        Api.request()
                .delete("/api/v1/companies/" + company + "/connections/" + id)
                .then()
                .statusCode(200);

        Api.request()
                .contentType(ContentType.JSON)
                .post("/api/v1/companies/" + company + "/connections/" + id + "/refresh")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:connection-portal:problem:connection-not-linked"));
        assertEquals(0, Rows.count("sync_job", "connection_id = ?1 and trigger_type = 'MANUAL'", id));
    }

    @Test
    void deauthorizingAndDeletingThroughTheApiSendEachWebhookOnceAndNameTheKey() {
        Browser owner = new Browser();
        long company = companyOf(owner.signUp("Api Delete Co"));
        long id = SandboxJourney.connect(owner, "xero");
        String path = "/api/v1/companies/" + company + "/connections/" + id;

        Api.request()
                .delete(path)
                .then()
                .statusCode(200)
                .body("id", equalTo((int) id))
                .body("status", equalTo("DEAUTHORIZED"));
        Api.request().delete(path).then().statusCode(200).body("status", equalTo("DEAUTHORIZED"));
        deliverAll();
        assertEquals(1, received("connection.deauthorized", id));
        assertEquals(
                1,
                Rows.count(
                        "audit_event",
                        "connection_id = ?1 and type = 'DEAUTHORIZED' and actor = 'API key bootstrap'",
                        id));
        assertEquals(0, Rows.count("revocation", "connection_id = ?1 and revoked_at is null", id));

        Api.request().queryParam("erase", "true").delete(path).then().statusCode(204);
        Api.request().get(path).then().statusCode(404);
        Api.request().queryParam("erase", "true").delete(path).then().statusCode(404);
        deliverAll();
        assertEquals(1, received("connection.deleted", id));
        assertEquals(1, received("connection.deauthorized", id));
        assertEquals(0, Rows.count("connection", "id = ?1", id));
        assertEquals(
                1,
                Rows.count(
                        "audit_event", "connection_id = ?1 and type = 'DELETED' and actor = 'API key bootstrap'", id));
        assertEquals(404, owner.get("/connections/" + id).statusCode(), "the business no longer sees it");
    }

    @Test
    void deletingALinkedConnectionStraightAwaySendsItsDeletionOnce() {
        Browser owner = new Browser();
        long company = companyOf(owner.signUp("Api Erase Co"));
        long id = SandboxJourney.connect(owner, "qonto");

        Api.request()
                .queryParam("erase", "true")
                .delete("/api/v1/companies/" + company + "/connections/" + id)
                .then()
                .statusCode(204);
        deliverAll();
        assertEquals(1, received("connection.deleted", id));
        assertEquals(0, Rows.count("synced_record", "connection_id = ?1", id));
    }

    @Test
    void aBadEraseValueIsRefusedAndChangesNothing() {
        Browser owner = new Browser();
        long company = companyOf(owner.signUp("Api Bad Erase Co"));
        long id = SandboxJourney.connect(owner, "xero");
        for (String bad : new String[] {"yes", "TRUE", "1", "truefalse"}) {
            Api.request()
                    .queryParam("erase", bad)
                    .delete("/api/v1/companies/" + company + "/connections/" + id)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("erase"));
        }
        assertEquals("LINKED", Rows.single("select status from connection where id = ?1", id));
    }

    @Test
    void unknownIdsAndAnotherCompanysConnectionAreNotFoundForEveryOperation() {
        Browser owner = new Browser();
        owner.signUp("Api Owner Of Connection");
        long id = SandboxJourney.connect(owner, "xero");
        long other = Api.createCompany(Api.company("Api Other Co", Api.unique("other")))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        for (String base : new String[] {
            "/api/v1/companies/" + other + "/connections/" + id,
            "/api/v1/companies/999999999/connections/" + id,
            "/api/v1/companies/" + other + "/connections/abc",
            "/api/v1/companies/" + other + "/connections/999999999"
        }) {
            for (Response response : new Response[] {
                Api.request().contentType(ContentType.JSON).post(base + "/refresh"),
                Api.request().delete(base),
                Api.request().queryParam("erase", "true").delete(base),
                Api.request().get(base + "/data/invoices"),
                Api.request().get(base + "/syncs")
            }) {
                response.then()
                        .statusCode(404)
                        .contentType("application/problem+json")
                        .body("type", equalTo("urn:connection-portal:problem:not-found"));
            }
        }
        assertEquals("LINKED", Rows.single("select status from connection where id = ?1", id));
        assertEquals(0, Rows.count("data_read", "connection_id = ?1", id));
    }

    @Test
    void everyOperationRefusesAMissingOrUnknownKey() {
        Browser owner = new Browser();
        long company = companyOf(owner.signUp("Api Unauthorized Co"));
        long id = SandboxJourney.connect(owner, "xero");
        String base = "/api/v1/companies/" + company + "/connections/" + id;
        List<Supplier<RequestSpecification>> callers =
                List.of(RestAssured::given, () -> Api.as("not-a-key-of-this-portal-0123456789abcdef"));
        for (Supplier<RequestSpecification> caller : callers) {
            for (Response response : new Response[] {
                caller.get().contentType(ContentType.JSON).post(base + "/refresh"),
                caller.get().delete(base),
                caller.get().get(base + "/data/invoices"),
                caller.get().get(base + "/syncs")
            }) {
                response.then().statusCode(401).contentType("application/problem+json");
            }
        }
        assertEquals("LINKED", Rows.single("select status from connection where id = ?1", id));
        assertEquals(0, Rows.count("data_read", "connection_id = ?1", id));
    }

    private void deliverAll() {
        for (int i = 0; i < 20 && dispatcher.runOnce() > 0; i++) {
            // each run sends at most a batch
        }
    }

    private int received(String type, long connectionId) {
        RequestPatternBuilder pattern = postRequestedFor(urlEqualTo(WebhookReceiver.PATH))
                .withRequestBody(containing("\"type\":\"" + type + "\""))
                .withRequestBody(containing("\"connectionId\":" + connectionId + ","));
        return receiver.findAll(pattern).size();
    }

    static long companyOf(String email) {
        return ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
    }
}
