package io.connectionportal.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionTokens;
import io.connectionportal.sync.SyncJobs;
import io.connectionportal.sync.SyncWorker;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/** A connection's synced records and sync history through the API: paged, complete, recorded, and never a token. */
@QuarkusTest
class ConnectionDataApiTest {

    @Inject
    SyncWorker syncs;

    @Inject
    SyncJobs jobs;

    @Inject
    ConnectionTokens tokens;

    @Test
    void pagesOfRecordsWalkEveryRecordOnceAndEachPageIsRecordedAsARead() {
        Browser owner = new Browser();
        long company = ConnectionOperationsApiTest.companyOf(owner.signUp("Api Data Walk Co"));
        long id = SandboxJourney.connect(owner, "xero");
        syncs.runPending();
        long stored = Rows.count("synced_record", "connection_id = ?1 and data_type = 'INVOICES'", id);
        assertTrue(stored > 7, "enough invoices for several pages: " + stored);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = Api.request().queryParam("limit", 7);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/companies/" + company + "/connections/" + id + "/data/invoices")
                    .then()
                    .statusCode(200)
                    .contentType("application/json")
                    .extract()
                    .jsonPath();
            List<String> ids = page.getList("data.externalId");
            assertTrue(ids.size() <= 7);
            assertEquals(ids, page.getList("data.payload.id"), "each record's payload is the provider's record");
            assertEquals(ids.size(), page.getList("data.syncedAt").size());
            seen.addAll(ids);
            cursor = page.getString("next");
            pages++;
        } while (cursor != null);

        assertEquals(stored, seen.size(), "every record");
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no record twice");
        assertEquals(
                pages,
                Rows.count(
                        "data_read",
                        "company_id = ?1 and connection_id = ?2 and platform_key = 'xero' and data_type = 'INVOICES'"
                                + " and reader_kind = 'API_KEY' and reader_name = 'bootstrap'",
                        company,
                        id));
    }

    @Test
    void anUnknownDataTypeOrOneThePlatformDoesNotOfferIsNotFoundAndNotRecorded() {
        Browser owner = new Browser();
        long company = ConnectionOperationsApiTest.companyOf(owner.signUp("Api Data Types Co"));
        long id = SandboxJourney.connect(owner, "xero");
        String base = "/api/v1/companies/" + company + "/connections/" + id + "/data/";

        Api.request()
                .get(base + "widgets")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:connection-portal:problem:unknown-data-type"))
                .body("detail", containsString("invoices"))
                .body("detail", containsString("bank_transactions"));
        Api.request()
                .get(base + "bank_transactions")
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:connection-portal:problem:data-type-not-offered"))
                .body("detail", containsString("invoices"));
        assertEquals(0, Rows.count("data_read", "connection_id = ?1", id));

        Api.request()
                .get(base + "invoices")
                .then()
                .statusCode(200)
                .body("data", hasSize(0))
                .body("next", nullValue());
    }

    @Test
    void aBadLimitOrCursorIsRefusedNamingTheParameter() {
        Browser owner = new Browser();
        long company = ConnectionOperationsApiTest.companyOf(owner.signUp("Api Data Bad Paging Co"));
        long id = SandboxJourney.connect(owner, "xero");
        String base = "/api/v1/companies/" + company + "/connections/" + id;
        for (String path : new String[] {base + "/data/invoices", base + "/syncs"}) {
            for (String limit : new String[] {"0", "101", "-3", "ten"}) {
                Api.request()
                        .queryParam("limit", limit)
                        .get(path)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo("limit"));
            }
            for (String cursor : new String[] {"garbage", "YWZ0ZXI6LTE", "%%%"}) {
                Api.request()
                        .queryParam("cursor", cursor)
                        .get(path)
                        .then()
                        .statusCode(400)
                        .body("errors[0].field", equalTo("cursor"));
            }
        }
        assertEquals(0, Rows.count("data_read", "connection_id = ?1", id));
    }

    @Test
    void theSyncHistoryIsPagedNewestFirstWithWhatEachSyncFetched() {
        Browser owner = new Browser();
        long company = ConnectionOperationsApiTest.companyOf(owner.signUp("Api Sync History Co"));
        long id = SandboxJourney.connect(owner, "xero");
        syncs.runPending();
        for (int i = 0; i < 2; i++) {
            jobs.refresh(company, id);
            syncs.runPending();
        }
        String path = "/api/v1/companies/" + company + "/connections/" + id + "/syncs";

        JsonPath first = Api.request()
                .queryParam("limit", 2)
                .get(path)
                .then()
                .statusCode(200)
                .body("data", hasSize(2))
                .body("data[0].trigger", equalTo("MANUAL"))
                .body("data[0].outcome", equalTo("SUCCESS"))
                .body("data[0].error", nullValue())
                .extract()
                .jsonPath();
        assertTrue(first.getInt("data[0].records.invoices") > 0);
        assertNotNull(first.getString("data[0].startedAt"));
        assertNotNull(first.getString("data[0].endedAt"));
        JsonPath second = Api.request()
                .queryParam("limit", 2)
                .queryParam("cursor", first.getString("next"))
                .get(path)
                .then()
                .statusCode(200)
                .body("data", hasSize(1))
                .body("data[0].trigger", equalTo("INITIAL"))
                .body("next", nullValue())
                .extract()
                .jsonPath();
        List<Integer> ids = new ArrayList<>(first.getList("data.id"));
        ids.addAll(second.getList("data.id"));
        assertEquals(
                List.of(ids.get(0), ids.get(1), ids.get(2)),
                ids.stream().sorted((a, b) -> b - a).toList());
        assertEquals(3, new HashSet<>(ids).size());
    }

    @Test
    void noResponseOfTheNewOperationsCarriesAToken() {
        Browser owner = new Browser();
        long company = ConnectionOperationsApiTest.companyOf(owner.signUp("Api No Token Co"));
        long id = SandboxJourney.connect(owner, "xero");
        syncs.runPending();
        List<String> secrets = QuarkusTransaction.requiringNew().call(() -> {
            Connection connection = Connection.findById(id);
            List<String> values = new ArrayList<>();
            tokens.accessToken(connection).ifPresent(values::add);
            tokens.refreshToken(connection).ifPresent(values::add);
            return values;
        });
        secrets.add((String) Rows.single("select access_token_enc from connection where id = ?1", id));
        assertTrue(secrets.size() >= 3, "the connection holds tokens");
        String base = "/api/v1/companies/" + company + "/connections/" + id;

        Set<String> bodies = new HashSet<>();
        for (String type : new String[] {"company_info", "chart_of_accounts", "invoices", "bills"}) {
            bodies.add(Api.request()
                    .queryParam("limit", 100)
                    .get(base + "/data/" + type)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
        }
        String history = Api.request()
                .get(base + "/syncs")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // A sync's records per type in the data types' order, as the portal's pages list them: invoices before bills.
        assertTrue(
                history.indexOf("\"company_info\"") < history.indexOf("\"invoices\"")
                        && history.indexOf("\"invoices\"") < history.indexOf("\"bills\""),
                history);
        bodies.add(history);
        bodies.add(Api.request()
                .contentType(ContentType.JSON)
                .post(base + "/refresh")
                .then()
                .statusCode(202)
                .extract()
                .asString());
        bodies.add(Api.request().delete(base).then().statusCode(200).extract().asString());
        for (String body : bodies) {
            assertFalse(body.toLowerCase().contains("token"), body);
            for (String secret : secrets) {
                assertFalse(body.contains(secret), "a token in a response");
            }
        }
    }
}
