package io.connectionportal.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionTokens;
import io.connectionportal.connectors.Connector;
import io.connectionportal.connectors.Connectors;
import io.connectionportal.consent.ConsentWithdrawn;
import io.connectionportal.platforms.Category;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.sync.SyncJobs;
import io.connectionportal.sync.SyncWorker;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.LogCapture;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;
import io.connectionportal.testing.WebhookReceiver;

/**
 * Signed webhooks as the integrator receives them (WireMock stands in for its endpoint): every message verified
 * with a check written here from the Standard Webhooks specification, each change told once, retries with the same
 * webhook-id, redirects never followed, and no token in any payload.
 */
@QuarkusTest
class WebhooksTest {

    @WebhookReceiver.Server
    WireMockServer receiver;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    ConnectionTokens tokens;

    @Inject
    SyncWorker syncs;

    @Inject
    ConfiguredEndpoints configured;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    Connectors connectors;

    @Inject
    PlatformCatalog catalog;

    @Inject
    SyncJobs jobs;

    @Inject
    Event<ConsentWithdrawn> withdrawals;

    private static final Pattern SHARE_LINK = Pattern.compile("value=\"https?://[^\"]+/share/([A-Za-z0-9_-]+)\"");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aSignUpSendsOneCompanyCreatedSignedAsTheSpecificationSays() throws Exception {
        long company = companyOf(new Browser().signUp("Webhook Signup Co"));

        deliverAll();

        List<LoggedRequest> received = received(companyCreated(company));
        assertEquals(1, received.size());
        LoggedRequest request = received.get(0);
        assertTrue(verifiedBySpecification(request, WebhookReceiver.SECRET), "a valid Standard Webhooks signature");
        assertFalse(
                verifiedBySpecification(request, "whsec_" + Base64.getEncoder().encodeToString(new byte[32])),
                "another secret does not verify it");
        assertTrue(request.getHeader("webhook-id").startsWith("msg_"));
        long sentAt = Long.parseLong(request.getHeader("webhook-timestamp"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - sentAt) < 300, "within the specification's tolerance");
        assertTrue(request.getHeader("Content-Type").startsWith("application/json"));
        JsonNode body = json.readTree(request.getBodyAsString());
        assertEquals("company.created", body.get("type").asText());
        assertNotNull(Instant.parse(body.get("timestamp").asText()));
        assertEquals(company, body.get("data").get("companyId").asLong());
        assertEquals(1, body.get("data").size(), "ids only");
    }

    @Test
    void aCompanyCreatedThroughTheApiSendsOneCompanyCreatedWithItsExternalReference() throws Exception {
        String reference = "crm-" + System.nanoTime();
        long company = given().header("Authorization", "Bearer test-bootstrap-key-0123456789abcdefghijklmnop")
                .contentType("application/json")
                .body("{\"name\": \"Api Webhook Co\", \"externalRef\": \"" + reference
                        + "\", \"country\": \"FR\", \"language\": \"fr\"}")
                .post("/api/v1/companies")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");

        deliverAll();

        List<LoggedRequest> received =
                received("\"data\":{\"companyId\":" + company + ",\"externalRef\":\"" + reference + "\"}}");
        assertEquals(1, received.size());
        JsonNode data = json.readTree(received.get(0).getBodyAsString()).get("data");
        assertEquals(reference, data.get("externalRef").asText());
        assertTrue(verifiedBySpecification(received.get(0), WebhookReceiver.SECRET));
    }

    @Test
    void linkingThroughThePagesAReconnectAndAShareLinkEachSendsOneConnectionLinked() {
        Browser owner = new Browser();
        owner.signUp("Webhook Linking Co");
        long id = SandboxJourney.connect(owner, "xero");
        deliverAll();
        assertEquals(1, received(event("connection.linked", id)).size(), "through the pages");

        owner.get("/connections/" + id + "/deauthorize");
        owner.post("/connections/" + id + "/deauthorize", Map.of()).then().statusCode(303);
        Response back = SandboxJourney.reconnect(owner, id, "xero", SandboxJourney.ALLOW);
        assertTrue(back.header("Location").endsWith("/connections/" + id), back.header("Location"));
        deliverAll();
        assertEquals(2, received(event("connection.linked", id)).size(), "one more for the reconnect");
        assertEquals(1, received(event("connection.deauthorized", id)).size());
        assertEquals(
                2,
                Rows.count(
                        "webhook_delivery",
                        "event_type = 'connection.linked' and payload like ?1",
                        "%\"connectionId\":" + id + ",%"));

        Browser other = new Browser();
        String email = other.signUp("Webhook Share Co");
        other.submit("/connect/consent", "/connect/consent", Map.of("category", "accounting", "agree", "yes"));
        Response created = other.submit("/connect/share", "/connect/share", Map.of("colleague", "Accountant"));
        assertEquals(303, created.statusCode(), created.body().asString());
        Matcher link = SHARE_LINK.matcher(
                other.get(URI.create(created.header("Location")).getPath())
                        .body()
                        .asString());
        assertTrue(link.find(), "the share link is shown");
        String token = link.group(1);
        Browser colleague = new Browser();
        colleague.get("/share/" + token);
        Response start = colleague.post("/share/" + token, Map.of("name", "Jeanne", "platform", "xero"));
        assertEquals(303, start.statusCode(), start.body().asString());
        SandboxJourney.atProvider(colleague, start.header("Location"), "xero", SandboxJourney.ALLOW);
        long shared = ((Number) Rows.single(
                        "select c.id from connection c join app_user u on u.company_id = c.company_id"
                                + " where u.email = ?1 and c.status = 'LINKED'",
                        email))
                .longValue();
        deliverAll();
        assertEquals(1, received(event("connection.linked", shared)).size(), "through a share link");
    }

    @Test
    void deauthorizingAndDeletingAreToldOnceEach() throws Exception {
        Browser owner = new Browser();
        owner.signUp("Webhook Delete Co");
        long id = SandboxJourney.connect(owner, "xero");
        owner.get("/connections/" + id + "/deauthorize");
        owner.post("/connections/" + id + "/deauthorize", Map.of()).then().statusCode(303);
        owner.confirmPassword();
        owner.get("/connections/" + id + "/delete");
        owner.post("/connections/" + id + "/delete", Map.of()).then().statusCode(303);
        deliverAll();

        assertEquals(1, received(event("connection.deauthorized", id)).size());
        List<LoggedRequest> deleted = received(event("connection.deleted", id));
        assertEquals(1, deleted.size());
        JsonNode data = json.readTree(deleted.get(0).getBodyAsString()).get("data");
        assertEquals("xero", data.get("platform").asText());
        assertEquals("accounting", data.get("category").asText());
        assertEquals("deleted", data.get("status").asText());
        assertTrue(verifiedBySpecification(deleted.get(0), WebhookReceiver.SECRET));
    }

    @Test
    void aGrantRevokedAtTheProviderIsToldAsReauthorizationRequiredAndAFailedSync() throws Exception {
        Browser owner = new Browser();
        long company = companyOf(owner.signUp("Webhook Reauth Co"));
        long id = SandboxJourney.connect(owner, "xero");
        syncs.runPending();
        String refreshToken = QuarkusTransaction.requiringNew()
                .call(() -> tokens.refreshToken(Connection.findById(id)).orElseThrow());
        connectors
                .forPlatform(catalog.find("xero").orElseThrow())
                .revoke(refreshToken, Connector.TokenKind.REFRESH_TOKEN);
        jobs.refresh(company, id);
        syncs.runPending();
        deliverAll();

        assertEquals(1, received(event("sync.succeeded", id)).size());
        assertEquals(
                1, received(event("connection.reauthorization_required", id)).size());
        List<LoggedRequest> failed = received(event("sync.failed", id));
        assertEquals(1, failed.size());
        assertEquals(
                "reauth_required",
                json.readTree(failed.get(0).getBodyAsString())
                        .get("data")
                        .get("status")
                        .asText());
    }

    @Test
    void withdrawingConsentIsToldOnceWithTheConnectionItStopped() {
        Browser owner = new Browser();
        long company = companyOf(owner.signUp("Webhook Withdraw Co"));
        long id = SandboxJourney.connect(owner, "xero");
        owner.get("/privacy/withdraw/accounting");
        owner.post("/privacy/withdraw/accounting", Map.of()).then().statusCode(303);
        owner.post("/privacy/withdraw/accounting", Map.of()).then().statusCode(303);
        deliverAll();

        assertEquals(
                1,
                received(
                                "\"type\":\"consent.withdrawn\"",
                                "{\"companyId\":" + company + ",\"category\":\"accounting\"}")
                        .size(),
                "a second click withdraws nothing more");
        assertEquals(1, received(event("connection.deauthorized", id)).size());
    }

    @Test
    void noPayloadCarriesAToken() {
        Browser owner = new Browser();
        owner.signUp("Webhook Token Co");
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
        assertTrue(secrets.size() >= 2, "the connection holds tokens");
        owner.get("/connections/" + id + "/deauthorize");
        owner.post("/connections/" + id + "/deauthorize", Map.of()).then().statusCode(303);
        deliverAll();

        assertEquals(1, received(event("sync.succeeded", id)).size(), "the first sync is told");
        List<LoggedRequest> all = receiver.findAll(postRequestedFor(urlEqualTo(WebhookReceiver.PATH)));
        assertFalse(all.isEmpty());
        for (LoggedRequest request : all) {
            for (String secret : secrets) {
                assertFalse(request.getBodyAsString().contains(secret), "a token in " + request.getBodyAsString());
            }
        }
        for (String secret : secrets) {
            assertEquals(0, Rows.count("webhook_delivery", "payload like ?1", "%" + secret + "%"));
        }
    }

    @Test
    void aServerErrorIsRetriedAndThenDeliveredWithTheSameWebhookId() {
        long company = companyOf(new Browser().signUp("Webhook Retry Co"));
        StubMapping failing = receiver.stubFor(post(urlEqualTo(WebhookReceiver.PATH))
                .atPriority(1)
                .withRequestBody(containing(companyCreated(company)))
                .willReturn(aResponse().withStatus(500)));
        deliverAll();
        long delivery = deliveryOf(companyCreated(company));
        assertEquals(
                500,
                ((Number) Rows.single("select last_status from webhook_delivery where id = ?1", delivery)).intValue());
        assertNull(Rows.single("select delivered_at from webhook_delivery where id = ?1", delivery));

        receiver.removeStub(failing);
        dueNow(delivery);
        deliverAll();

        List<LoggedRequest> received = received(companyCreated(company));
        assertEquals(2, received.size());
        assertEquals(received.get(0).getHeader("webhook-id"), received.get(1).getHeader("webhook-id"));
        assertTrue(received.stream().allMatch(r -> verifiedBySpecification(r, WebhookReceiver.SECRET)));
        assertNotNull(Rows.single("select delivered_at from webhook_delivery where id = ?1", delivery));
        assertEquals(1, Rows.count("webhook_attempt", "delivery_id = ?1 and status_code = 500", delivery));
        assertEquals(1, Rows.count("webhook_attempt", "delivery_id = ?1 and status_code = 204", delivery));
    }

    @Test
    void aTimeoutIsRetriedAndThenDeliveredWithTheSameWebhookId() {
        long company = companyOf(new Browser().signUp("Webhook Slow Co"));
        StubMapping slow = receiver.stubFor(post(urlEqualTo(WebhookReceiver.PATH))
                .atPriority(1)
                .withRequestBody(containing(companyCreated(company)))
                .willReturn(aResponse().withStatus(204).withFixedDelay(4_000)));
        deliverAll();
        long delivery = deliveryOf(companyCreated(company));
        assertEquals("timed out", Rows.single("select error from webhook_attempt where delivery_id = ?1", delivery));
        assertNull(Rows.single("select delivered_at from webhook_delivery where id = ?1", delivery));

        receiver.removeStub(slow);
        dueNow(delivery);
        deliverAll();

        List<LoggedRequest> received = received(companyCreated(company));
        assertEquals(2, received.size());
        assertEquals(received.get(0).getHeader("webhook-id"), received.get(1).getHeader("webhook-id"));
        assertNotNull(Rows.single("select delivered_at from webhook_delivery where id = ?1", delivery));
    }

    @Test
    void aRedirectIsAFailureAndIsNeverFollowed() {
        long company = companyOf(new Browser().signUp("Webhook Redirect Co"));
        StubMapping redirect = receiver.stubFor(post(urlEqualTo(WebhookReceiver.PATH))
                .atPriority(1)
                .withRequestBody(containing(companyCreated(company)))
                .willReturn(aResponse().withStatus(307).withHeader("Location", "/elsewhere")));
        receiver.stubFor(post(urlEqualTo("/elsewhere")).willReturn(aResponse().withStatus(200)));
        deliverAll();

        long delivery = deliveryOf(companyCreated(company));
        assertEquals(
                307,
                ((Number) Rows.single("select last_status from webhook_delivery where id = ?1", delivery)).intValue());
        assertNull(Rows.single("select delivered_at from webhook_delivery where id = ?1", delivery));
        assertTrue(receiver.findAll(postRequestedFor(urlEqualTo("/elsewhere"))).isEmpty(), "not followed");

        receiver.removeStub(redirect);
        dueNow(delivery);
        deliverAll();
        assertNotNull(Rows.single("select delivered_at from webhook_delivery where id = ?1", delivery));
    }

    @Test
    void afterTheLastAttemptADeliveryFailsAndCanBeReplayed() {
        long company = companyOf(new Browser().signUp("Webhook Replay Co"));
        StubMapping failing = receiver.stubFor(post(urlEqualTo(WebhookReceiver.PATH))
                .atPriority(1)
                .withRequestBody(containing(companyCreated(company)))
                .willReturn(aResponse().withStatus(503)));
        long delivery = deliveryOf(companyCreated(company));
        // Eight failures already behind it: the next attempt is the last of the default schedule.
        Rows.execute("update webhook_delivery set attempts = 8 where id = ?1", delivery);
        try (LogCapture log = new LogCapture()) {
            deliverAll();
            assertEquals(
                    1,
                    log.linesContaining("Webhook delivery " + delivery + " (company.created)").stream()
                            .filter(line -> line.contains("failed after 9 attempts"))
                            .count());
        }
        assertNotNull(Rows.single("select failed_at from webhook_delivery where id = ?1", delivery));
        dueNow(delivery);
        deliverAll();
        assertEquals(1, received(companyCreated(company)).size(), "a failed delivery is not tried again by itself");

        receiver.removeStub(failing);
        assertTrue(dispatcher.replay(delivery));
        assertFalse(dispatcher.replay(delivery), "only a failed delivery is replayed");
        assertFalse(dispatcher.replay(-1));
        deliverAll();

        List<LoggedRequest> received = received(companyCreated(company));
        assertEquals(2, received.size());
        assertEquals(received.get(0).getHeader("webhook-id"), received.get(1).getHeader("webhook-id"));
        assertNotNull(Rows.single("select delivered_at from webhook_delivery where id = ?1", delivery));
        assertNull(Rows.single("select failed_at from webhook_delivery where id = ?1", delivery));
    }

    @Test
    void anEndpointFailingForDaysIsDisabledAndOnlyGetsTheTypesItChose() {
        String path = "/doomed";
        receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500)));
        Rows.execute(
                "insert into webhook_endpoint (name, url, secret, events, from_config, created_at)"
                        + " values ('doomed', ?1, ?2, 'consent.withdrawn', false, ?3)",
                receiver.baseUrl() + path,
                WebhookReceiver.SECRET,
                Instant.now());
        try {
            long company = companyOf(new Browser().signUp("Webhook Doomed Co"));
            assertEquals(
                    0,
                    Rows.count(
                            "webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id",
                            "e.name = 'doomed' and d.company_id = ?1",
                            company),
                    "not subscribed to company.created");
            QuarkusTransaction.requiringNew()
                    .run(() -> withdrawals.fire(new ConsentWithdrawn(company, Category.BANKING)));
            assertEquals(
                    1,
                    Rows.count(
                            "webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id",
                            "e.name = 'doomed' and d.company_id = ?1",
                            company));
            Rows.execute(
                    "update webhook_endpoint set failing_since = ?1 where name = 'doomed'",
                    Instant.now().minus(java.time.Duration.ofDays(6)));
            try (LogCapture log = new LogCapture()) {
                deliverAll();
                assertEquals(
                        1,
                        log.linesContaining("Webhook endpoint doomed disabled").size());
            }
            assertNotNull(Rows.single("select disabled_at from webhook_endpoint where name = 'doomed'"));
            assertEquals(
                    1,
                    Rows.count(
                            "webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id",
                            "e.name = 'doomed' and d.company_id = ?1 and d.failed_at is not null",
                            company),
                    "its waiting delivery is failed, so it can be replayed");
            long doomed = ((Number) Rows.single("select id from webhook_endpoint where name = 'doomed'")).longValue();
            assertNull(
                    Rows.single("select disabled_at from webhook_endpoint where name = ?1", WebhookReceiver.ENDPOINT));

            List<LoggedRequest> consent = received(
                    "\"type\":\"consent.withdrawn\"",
                    "\"data\":{\"companyId\":" + company + ",\"category\":\"banking\"}");
            assertEquals(1, consent.size(), "the other endpoint got it");
            QuarkusTransaction.requiringNew()
                    .run(() -> withdrawals.fire(new ConsentWithdrawn(company, Category.BANKING)));
            assertEquals(
                    1,
                    Rows.count(
                            "webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id",
                            "e.name = 'doomed' and d.company_id = ?1",
                            company),
                    "a disabled endpoint gets nothing new");
            assertTrue(endpoints.enable(doomed));
            assertFalse(endpoints.enable(doomed), "only a disabled endpoint is enabled");
            assertNull(Rows.single("select disabled_at from webhook_endpoint where id = ?1", doomed));
        } finally {
            Rows.execute("delete from webhook_endpoint where name = 'doomed'");
        }
    }

    @Test
    void twoRunsAtOnceSendEachDeliveryOnce() throws Exception {
        deliverAll();
        List<Long> companies = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            companies.add(companyOf(new Browser().signUp("Webhook Race Co " + i)));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return dispatcher.runOnce();
                }));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        for (long company : companies) {
            assertEquals(1, received(companyCreated(company)).size(), "company " + company);
            assertEquals(1, Rows.count("webhook_attempt", "delivery_id = ?1", deliveryOf(companyCreated(company))));
        }
    }

    @Test
    void configuredEndpointsAreWrittenOnceByName() {
        configured.upsertAll();
        configured.upsertAll();
        assertEquals(1, Rows.count("webhook_endpoint", "name = ?1 and from_config = true", WebhookReceiver.ENDPOINT));
    }

    @Test
    void oldAttemptsAndFinishedDeliveriesArePurged() {
        long company = companyOf(new Browser().signUp("Webhook Purge Co"));
        deliverAll();
        long delivery = deliveryOf(companyCreated(company));
        assertEquals(1, Rows.count("webhook_attempt", "delivery_id = ?1", delivery));

        dispatcher.purge(Instant.now().plus(java.time.Duration.ofDays(31)));

        assertEquals(0, Rows.count("webhook_delivery", "id = ?1", delivery));
        assertEquals(0, Rows.count("webhook_attempt", "delivery_id = ?1", delivery));
    }

    /**
     * The receiver's check, written from the Standard Webhooks specification rather than from the portal's code: the
     * key is the base64 after {@code whsec_}; the signed content is {@code id.timestamp.body}; the header holds
     * space-separated {@code v1,<base64>} signatures, one of which must match (compared in constant time).
     */
    static boolean verifiedBySpecification(LoggedRequest request, String secret) {
        try {
            String id = request.getHeader("webhook-id");
            String timestamp = request.getHeader("webhook-timestamp");
            String signatures = request.getHeader("webhook-signature");
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected =
                    mac.doFinal((id + "." + timestamp + "." + new String(request.getBody(), StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8));
            for (String signature : signatures.split(" ")) {
                String[] parts = signature.split(",", 2);
                if (parts.length == 2
                        && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void deliverAll() {
        for (int i = 0; i < 20 && dispatcher.runOnce() > 0; i++) {
            // Each run sends at most a batch; go on while it found something to deliver.
        }
    }

    /** The requests the receiver got whose body holds every one of {@code parts}. */
    private List<LoggedRequest> received(String... parts) {
        RequestPatternBuilder pattern = postRequestedFor(urlEqualTo(WebhookReceiver.PATH));
        for (String part : parts) {
            pattern = pattern.withRequestBody(containing(part));
        }
        return receiver.findAll(pattern);
    }

    /** What only the company.created message of this company holds (its data is the company's id alone). */
    private static String companyCreated(long companyId) {
        return "\"data\":{\"companyId\":" + companyId + "}}";
    }

    private static String[] event(String type, long connectionId) {
        return new String[] {"\"type\":\"" + type + "\"", "\"connectionId\":" + connectionId + ","};
    }

    private static long companyOf(String email) {
        return ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
    }

    private static long deliveryOf(String bodyPart) {
        return ((Number) Rows.single(
                        "select d.id from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id"
                                + " where e.name = ?1 and d.payload like ?2",
                        WebhookReceiver.ENDPOINT,
                        "%" + bodyPart + "%"))
                .longValue();
    }

    private static void dueNow(long delivery) {
        Rows.execute("update webhook_delivery set next_attempt_at = ?1 where id = ?2", Instant.now(), delivery);
    }
}
