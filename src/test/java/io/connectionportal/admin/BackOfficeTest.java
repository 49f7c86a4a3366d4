package io.connectionportal.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.sync.SyncWorker;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.LogCapture;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;
import io.connectionportal.testing.SqlStatements;
import io.connectionportal.testing.WebhookReceiver;
import io.connectionportal.webhooks.WebhookDispatcher;

/**
 * The lender's back office over HTTP: who may open it, finding a company by name and by external reference, one
 * company's page and its synced data, API keys that work from creation to revocation and are shown once, and a
 * webhook endpoint created here that receives a delivery, then a failed delivery replayed.
 */
@QuarkusTest
class BackOfficeTest {

    /** From {@code %test.portal.monitor.admin-emails}; the monitor's HTTP tests sign in with it too. */
    static final String ADMIN = "monitor-admin@example.com";

    private static final Pattern NEW_KEY = Pattern.compile("id=\"new-key\" type=\"text\" value=\"(cp_live_[^\"]+)\"");
    private static final Pattern SECRET =
            Pattern.compile("id=\"endpoint-secret\" type=\"text\" value=\"(whsec_[^\"]+)\"");

    @WebhookReceiver.Server
    WireMockServer receiver;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    SyncWorker syncs;

    private static final List<String> PAGES =
            List.of("/admin", "/admin/companies", "/admin/api-keys", "/admin/webhooks", "/admin/webhooks/new");

    @Test
    void everyPageAnswersAnAdminAndRefusesOthers() {
        long company = companyOf(new Browser().signUp("Back Office Pages Co"));
        long endpoint = ((Number)
                        Rows.single("select id from webhook_endpoint where name = ?1", WebhookReceiver.ENDPOINT))
                .longValue();
        List<String> pages = new java.util.ArrayList<>(PAGES);
        pages.add("/admin/companies/" + company);
        pages.add("/admin/webhooks/" + endpoint);

        Browser admin = signedInAdmin();
        for (String page : pages) {
            assertEquals(200, admin.get(page).statusCode(), page);
        }

        Browser owner = new Browser();
        owner.signUp("Back Office Outsider Co");
        Browser member = new Browser();
        Rows.execute("update app_user set role = 'member' where email = ?1", member.signUp("Back Office Member Co"));
        for (Browser outsider : List.of(owner, member)) {
            for (String page : pages) {
                Response refused = outsider.get(page);
                assertEquals(403, refused.statusCode(), page);
                assertTrue(refused.body().asString().contains("This page is for administrators"), page);
            }
            assertEquals(
                    403,
                    outsider.post("/admin/api-keys", Map.of("name", "sneaky")).statusCode());
        }
        assertEquals(0, Rows.count("api_key", "name = ?1", "sneaky"));

        Browser anonymous = new Browser();
        for (String page : pages) {
            Response redirected = anonymous.get(page);
            assertEquals(303, redirected.statusCode(), page);
            assertTrue(redirected.header("Location").contains("/login?next="), page);
        }
    }

    @Test
    void theMainNavigationShowsTheBackOfficeToAdminsOnly() {
        assertTrue(signedInAdmin().get("/connect").body().asString().contains("href=\"/admin\""));
        Browser owner = new Browser();
        owner.signUp("Back Office Nav Co");
        assertFalse(owner.get("/connect").body().asString().contains("href=\"/admin\""));
        String admin = signedInAdmin().get("/admin").body().asString();
        assertTrue(admin.contains("href=\"/monitor\""), "the back office links the monitor");
    }

    @Test
    void timesAcrossCompaniesAreInTheReadersLanguageZoneWhichThePageNames() {
        long company = companyOf(new Browser("fr").signUp("Fuseau Voisin SARL"));
        Rows.execute(
                "update company set created_at = ?1 where id = ?2",
                java.time.Instant.parse("2026-11-30T19:33:28Z"),
                company);
        String page = signedInAdmin().get("/admin/companies/" + company).body().asString();
        assertTrue(page.contains("(Europe/London).</p>"), "the zone is named");
        assertTrue(page.contains("<time datetime=\"2026-11-30T19:33:28Z\">30 Nov 2026, 19:33</time>"), page);
    }

    @Test
    void searchFindsACompanyByPartOfItsNameAndByItsExternalReference() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        new Browser().signUp("Zephyr Bakery " + tag);
        new Browser().signUp("Other Firm " + tag);
        String ref = "crm-" + tag;
        Response created = given().header("Authorization", "Bearer " + BOOTSTRAP_KEY)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Referenced Ltd " + tag + "\",\"externalRef\":\"" + ref
                        + "\",\"country\":\"FR\",\"language\":\"fr\"}")
                .post("/api/v1/companies");
        assertEquals(201, created.statusCode(), created.body().asString());

        Browser admin = signedInAdmin();
        String byName =
                admin.get("/admin/companies?name=zephyr+bakery+" + tag).body().asString();
        assertTrue(byName.contains("Zephyr Bakery " + tag));
        assertFalse(byName.contains("Other Firm " + tag));
        assertFalse(byName.contains("Referenced Ltd " + tag));

        String byRef = admin.get("/admin/companies?ref=" + ref).body().asString();
        assertTrue(byRef.contains("Referenced Ltd " + tag));
        assertTrue(byRef.contains(ref));
        assertFalse(byRef.contains("Zephyr Bakery " + tag));

        assertFalse(
                admin.get("/admin/companies?ref=crm-" + tag.substring(0, 4))
                        .body()
                        .asString()
                        .contains(ref),
                "the reference is matched whole");
        assertFalse(
                admin.get("/admin/companies?name=%25").body().asString().contains("Zephyr Bakery " + tag),
                "a % typed in is a % to find, not a wildcard");

        assertEquals(400, admin.get("/admin/companies?name=" + "x".repeat(101)).statusCode());
    }

    @Test
    void aDeletedCompanyIsMarkedInTheListAndOnItsPage() {
        String ref = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = bearer(BOOTSTRAP_KEY)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"Soon Gone Ltd\",\"externalRef\":\"" + ref
                        + "\",\"country\":\"GB\",\"language\":\"en\"}")
                .post("/api/v1/companies");
        assertEquals(201, created.statusCode(), created.body().asString());
        long id = created.jsonPath().getLong("id");
        Browser admin = signedInAdmin();
        assertTrue(admin.get("/admin/companies?ref=" + ref).body().asString().contains("Soon Gone Ltd"));

        assertEquals(
                204, bearer(BOOTSTRAP_KEY).delete("/api/v1/companies/" + id).statusCode());

        String list = admin.get("/admin/companies?before=" + (id + 1)).body().asString();
        assertTrue(list.contains("Deleted company #" + id), "an erased company has no name left: it is named by id");
        assertTrue(list.contains("badge-deleted"));
        String page = admin.get("/admin/companies/" + id).body().asString();
        assertTrue(page.contains("id=\"company-deleted\""));
        assertFalse(page.contains("Soon Gone Ltd"));
    }

    @Test
    void aCompanyPageShowsItsConnectionsAndItsSyncedDataWhoseViewTheBusinessSeesAndAnUnknownIdIsNotFound() {
        Browser business = new Browser();
        long company = companyOf(business.signUp("Back Office Data Co"));
        long connection = SandboxJourney.connect(business, "xero");
        syncs.runPending();
        business.submit(
                        "/support",
                        "/support",
                        Map.of(
                                "name",
                                "Owner",
                                "email",
                                "owner@example.com",
                                "topic",
                                "privacy",
                                "message",
                                "Who sees it?"))
                .then()
                .statusCode(303);

        Browser admin = signedInAdmin();
        String page = admin.get("/admin/companies/" + company).body().asString();
        assertTrue(page.contains("Back Office Data Co"));
        assertTrue(page.contains("My data and privacy"), "a support request's topic by its label");
        assertTrue(page.contains("Xero"));
        assertTrue(page.contains("Connected"));
        String invoices = "/admin/companies/" + company + "/connections/" + connection + "/data/invoices";
        assertTrue(page.contains(invoices));

        Response data = admin.get(invoices);
        assertEquals(200, data.statusCode());
        long stored = Rows.count("synced_record", "connection_id = ?1 and data_type = 'INVOICES'", connection);
        assertTrue(stored > 0);
        String firstId = (String) Rows.single(
                "select external_id from synced_record where connection_id = ?1 and data_type = 'INVOICES' order by id"
                        + " fetch first 1 rows only",
                connection);
        assertTrue(data.body().asString().contains(firstId));

        assertEquals(
                1,
                Rows.count(
                        "data_read",
                        "company_id = ?1 and connection_id = ?2 and data_type = 'INVOICES' and reader_kind = 'STAFF'"
                                + " and reader_name = ?3",
                        company,
                        connection,
                        ADMIN),
                "the view is recorded as a staff read");
        String reads = business.get("/connections/reads").body().asString();
        assertTrue(reads.contains("staff (" + ADMIN + ") viewed your invoices from Xero"), "the business sees it");

        assertEquals(404, admin.get("/admin/companies/999999999").statusCode());
        assertEquals(
                404,
                admin.get("/admin/companies/" + company + "/connections/999999999/data/invoices")
                        .statusCode());
        assertEquals(
                404,
                admin.get("/admin/companies/" + company + "/connections/" + connection + "/data/secrets")
                        .statusCode());
        long other = companyOf(new Browser().signUp("Back Office Other Co"));
        assertEquals(
                404,
                admin.get("/admin/companies/" + other + "/connections/" + connection + "/data/invoices")
                        .statusCode(),
                "a connection is reached only under its own company");
    }

    @Test
    void theCompanyListAndACompanysPageRunTheSameQueriesForFewRowsAsForMany() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long few = companyWithConnections("Queries Few " + tag, 2);
        long many = companyWithConnections("Queries Many " + tag, 20);
        for (int i = 0; i < 12; i++) {
            companyWithConnections("Queries Many " + tag + " " + i, 1);
        }
        Browser admin = signedInAdmin();
        admin.get("/admin/companies/" + few);

        List<String> fewPage = SqlStatements.of(
                admin, () -> admin.get("/admin/companies/" + few).then().statusCode(200));
        List<String> manyPage = SqlStatements.of(
                admin, () -> admin.get("/admin/companies/" + many).then().statusCode(200));
        assertFalse(fewPage.isEmpty(), "statements are counted");
        assertEquals(
                fewPage.size(),
                manyPage.size(),
                "a company's page, 2 and 20 connections:\n" + String.join("\n", fewPage) + "\n---\n"
                        + String.join("\n", manyPage));

        List<String> oneFound = SqlStatements.of(
                admin,
                () -> admin.get("/admin/companies?name=queries+few+" + tag)
                        .then()
                        .statusCode(200));
        List<String> thirteenFound = SqlStatements.of(
                admin,
                () -> admin.get("/admin/companies?name=queries+many+" + tag)
                        .then()
                        .statusCode(200));
        assertEquals(
                oneFound.size(),
                thirteenFound.size(),
                "the list, 1 and 13 companies:\n" + String.join("\n", oneFound) + "\n---\n"
                        + String.join("\n", thirteenFound));
    }

    @Test
    void anApiKeyCreatedHereWorksIsShownOnceAndStopsWorkingWhenRevokedHere() {
        Browser admin = signedInAdmin();
        Response form = admin.get("/admin/api-keys/new");
        assertEquals(303, form.statusCode(), "creating a key asks for the password again");
        assertTrue(path(form.header("Location")).startsWith("/account/confirm"));
        assertEquals(
                303,
                admin.post("/admin/api-keys", Map.of("name", "unconfirmed")).statusCode());
        assertEquals(0, Rows.count("api_key", "name = ?1", "unconfirmed"));

        admin.confirmPassword();
        Response empty = admin.submit("/admin/api-keys/new", "/admin/api-keys", Map.of("name", " "));
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().asString().contains("Enter a name for the key"));

        String name = "underwriting " + UUID.randomUUID().toString().substring(0, 8);
        Response created;
        try (LogCapture log = new LogCapture()) {
            created = admin.submit("/admin/api-keys/new", "/admin/api-keys", Map.of("name", name));
            assertEquals(
                    1,
                    log.linesContaining("security event=api_key_created outcome=allowed")
                            .size());
        }
        assertEquals(303, created.statusCode());
        assertEquals("/admin/api-keys/created", path(created.header("Location")));
        String shown = admin.get("/admin/api-keys/created").body().asString();
        Matcher key = NEW_KEY.matcher(shown);
        assertTrue(key.find(), "the new key is on the page that follows its creation: " + shown);
        String apiKey = key.group(1);

        String again = admin.get("/admin/api-keys/created").body().asString();
        assertFalse(again.contains(apiKey), "a reload does not show it again");
        assertTrue(again.contains("This key was already shown"));
        assertFalse(admin.get("/admin/api-keys").body().asString().contains(apiKey), "the list never shows a key");
        assertEquals(0, Rows.count("api_key", "key_hash = ?1 or prefix = ?1", apiKey), "never stored in clear");

        assertEquals(200, bearer(apiKey).get("/api/v1/companies").statusCode());

        long id = ((Number) Rows.single("select id from api_key where name = ?1", name)).longValue();
        assertEquals(200, admin.get("/admin/api-keys/" + id + "/revoke").statusCode());
        Response revoked = admin.post("/admin/api-keys/" + id + "/revoke", Map.of());
        assertEquals(303, revoked.statusCode());
        assertEquals(401, bearer(apiKey).get("/api/v1/companies").statusCode());
        assertTrue(admin.get("/admin/api-keys").body().asString().contains("Revoked on"));
        assertEquals(
                404, admin.post("/admin/api-keys/" + id + "/revoke", Map.of()).statusCode(), "revoked once");
    }

    @Test
    void aNewKeyIsShownOnlyToTheAdminWhoCreatedIt() {
        Browser admin = signedInAdmin();
        admin.confirmPassword();
        Response created = admin.submit("/admin/api-keys/new", "/admin/api-keys", Map.of("name", "shown to its maker"));
        String sealed = created.cookie(NewKeyCookie.NAME);
        assertNotNull(sealed);
        assertFalse(sealed.contains("cp_live_"), "the cookie carries the key encrypted");

        Browser other = signedInAdmin("monitor-browser@example.com");
        String elsewhere = other.request()
                .cookie(NewKeyCookie.NAME, sealed)
                .get("/admin/api-keys/created")
                .body()
                .asString();
        assertFalse(elsewhere.contains("cp_live_"), "bound to the admin who created it");
        assertTrue(elsewhere.contains("This key was already shown"));
    }

    @Test
    void aWebhookEndpointCreatedHereReceivesDeliveriesAndAFailedOneIsReplayed() {
        String path = "/back-office-" + UUID.randomUUID().toString().substring(0, 8);
        String url = "http://127.0.0.1:" + receiver.port() + path;
        Browser admin = signedInAdmin();

        Response bad = admin.submit(
                "/admin/webhooks/new", "/admin/webhooks", Map.of("name", "", "url", "ftp://example.com/x"));
        assertEquals(400, bad.statusCode());
        String badPage = bad.body().asString();
        assertTrue(badPage.contains("Enter a name for the endpoint"));
        assertTrue(badPage.contains("Enter an address that starts with https://"));
        assertTrue(badPage.contains("Choose at least one event"));
        assertTrue(badPage.contains("value=\"ftp://example.com/x\""), "the address entered is kept");

        String name = "lender " + UUID.randomUUID().toString().substring(0, 8);
        admin.get("/admin/webhooks/new");
        Response created = admin.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", admin.csrfToken())
                .formParam("name", name)
                .formParam("url", url)
                .formParam("events", "company.created")
                .post("/admin/webhooks");
        assertEquals(303, created.statusCode());
        String endpointPath = path(created.header("Location"));
        long endpoint = Long.parseLong(endpointPath.substring(endpointPath.lastIndexOf('/') + 1));
        Matcher secret = SECRET.matcher(admin.get(endpointPath).body().asString());
        assertTrue(secret.find(), "the endpoint's page shows its secret");
        assertEquals(44, secret.group(1).length() - "whsec_".length(), "base64 of 32 bytes");

        StubMapping failing =
                receiver.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500)));
        try {
            long company = companyOf(new Browser().signUp("Back Office Hook Co"));
            deliverAll();
            long delivery = ((Number) Rows.single(
                            "select id from webhook_delivery where endpoint_id = ?1 and company_id = ?2",
                            endpoint,
                            company))
                    .longValue();
            // The last of its retries fails too: the delivery is failed.
            Rows.execute(
                    "update webhook_delivery set attempts = 8, next_attempt_at = ?1 where id = ?2",
                    Instant.now(),
                    delivery);
            deliverAll();
            assertNotNull(Rows.single("select failed_at from webhook_delivery where id = ?1", delivery));
            String log = admin.get(endpointPath).body().asString();
            assertTrue(log.contains("company.created"));
            assertTrue(log.contains("Back Office Hook Co"));
            assertTrue(log.contains("/deliveries/" + delivery + "/replay"));

            receiver.removeStub(failing);
            failing = receiver.stubFor(
                    post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
            assertEquals(
                    404,
                    admin.post("/admin/webhooks/" + endpoint + "/deliveries/999999999/replay", Map.of())
                            .statusCode());
            assertEquals(
                    303,
                    admin.post(endpointPath + "/deliveries/" + delivery + "/replay", Map.of())
                            .statusCode());
            deliverAll();
            assertNotNull(Rows.single("select delivered_at from webhook_delivery where id = ?1", delivery));
            // Its first attempt and its last failed; the replay was delivered.
            assertEquals(
                    3,
                    receiver.findAll(postRequestedFor(urlEqualTo(path))
                                    .withRequestBody(containing("\"companyId\":" + company + "}")))
                            .size());
        } finally {
            if (failing != null) {
                receiver.removeStub(failing);
            }
            long configured = ((Number)
                            Rows.single("select id from webhook_endpoint where name = ?1", WebhookReceiver.ENDPOINT))
                    .longValue();
            assertEquals(
                    404,
                    admin.post("/admin/webhooks/" + configured + "/delete", Map.of())
                            .statusCode(),
                    "a configured endpoint is not deleted here");
            assertEquals(303, admin.post(endpointPath + "/delete", Map.of()).statusCode());
            assertEquals(0, Rows.count("webhook_endpoint", "id = ?1", endpoint));
        }
    }

    @Test
    void aDisabledEndpointSaysSoAndIsEnabledAgain() {
        Browser admin = signedInAdmin();
        String name = "disabled " + UUID.randomUUID().toString().substring(0, 8);
        admin.get("/admin/webhooks/new");
        Response created = admin.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", admin.csrfToken())
                .formParam("name", name)
                .formParam("url", "https://hooks.example.com/in")
                .formParam("events", "*")
                .post("/admin/webhooks");
        assertEquals(303, created.statusCode());
        String endpointPath = path(created.header("Location"));
        long endpoint = Long.parseLong(endpointPath.substring(endpointPath.lastIndexOf('/') + 1));
        try {
            Rows.execute(
                    "update webhook_endpoint set disabled_at = ?1, failing_since = ?1 where id = ?2",
                    Instant.now(),
                    endpoint);
            String list = admin.get("/admin/webhooks").body().asString();
            assertTrue(list.contains("id=\"disabled-" + endpoint + "\""));
            assertEquals(303, admin.post(endpointPath + "/enable", Map.of()).statusCode());
            assertEquals(null, Rows.single("select disabled_at from webhook_endpoint where id = ?1", endpoint));
            assertFalse(admin.get("/admin/webhooks").body().asString().contains("id=\"disabled-" + endpoint + "\""));
        } finally {
            admin.post(endpointPath + "/delete", Map.of());
        }
    }

    @Test
    void redirectPrefixesAreAddedAndRemovedWithInlineErrorsForBadOnes() {
        Browser admin = signedInAdmin();
        String prefix = "https://app-" + UUID.randomUUID().toString().substring(0, 8) + ".lender.example/back";

        Response plain = admin.submit(
                "/admin/redirect-allow-list",
                "/admin/redirect-allow-list",
                Map.of("prefix", "http://lender.example/x"));
        assertEquals(400, plain.statusCode());
        assertTrue(plain.body().asString().contains("Enter an address that starts with https://"));
        assertTrue(plain.body().asString().contains("value=\"http://lender.example/x\""), "kept as entered");
        Response empty = admin.submit("/admin/redirect-allow-list", "/admin/redirect-allow-list", Map.of("prefix", ""));
        assertEquals(400, empty.statusCode());

        assertTrue(
                admin.get("/admin/redirect-allow-list").body().asString().contains("id=\"redirect-secret\""),
                "the secret that signs the redirects is shown, as the walk-through says");
        Response added =
                admin.submit("/admin/redirect-allow-list", "/admin/redirect-allow-list", Map.of("prefix", prefix));
        assertEquals(303, added.statusCode());
        assertTrue(admin.get("/admin/redirect-allow-list").body().asString().contains(prefix));
        assertEquals(ADMIN, Rows.single("select added_by from redirect_allow_entry where prefix = ?1", prefix));
        Response twice =
                admin.submit("/admin/redirect-allow-list", "/admin/redirect-allow-list", Map.of("prefix", prefix));
        assertEquals(400, twice.statusCode());
        assertTrue(twice.body().asString().contains("already on the list"));

        long id = ((Number) Rows.single("select id from redirect_allow_entry where prefix = ?1", prefix)).longValue();
        assertEquals(
                303,
                admin.post("/admin/redirect-allow-list/" + id + "/remove", Map.of())
                        .statusCode());
        assertFalse(admin.get("/admin/redirect-allow-list").body().asString().contains(prefix));
        assertEquals(
                404,
                admin.post("/admin/redirect-allow-list/" + id + "/remove", Map.of())
                        .statusCode());
    }

    /** {@code %test.portal.api.bootstrap-key}: a test value, never a secret. */
    private static final String BOOTSTRAP_KEY = "test-bootstrap-key-0123456789abcdefghijklmnop";

    private void deliverAll() {
        for (int i = 0; i < 20 && dispatcher.runOnce() > 0; i++) {
            // Each run sends at most a batch; go on while it found something to deliver.
        }
    }

    private static io.restassured.specification.RequestSpecification bearer(String key) {
        return given().header("Authorization", "Bearer " + key).accept(ContentType.JSON);
    }

    static Browser signedInAdmin() {
        return signedInAdmin(ADMIN);
    }

    /** A browser signed in as a configured admin: signs up the first time, logs in afterwards. */
    static Browser signedInAdmin(String email) {
        Browser browser = new Browser();
        Response signUp = browser.submit(
                "/signup",
                "/signup",
                Map.of("email", email, "password", Browser.PASSWORD, "companyName", "Monitor Operations"));
        if (signUp.statusCode() == 303) {
            return browser;
        }
        Response login = browser.submit("/login", "/login", Map.of("email", email, "password", Browser.PASSWORD));
        if (login.statusCode() != 303) {
            throw new AssertionError("Could not sign in " + email + ": " + login.statusCode());
        }
        return browser;
    }

    /** A signed-up company with {@code connections} linked bank connections written straight into the table. */
    private static long companyWithConnections(String name, int connections) {
        String email = new Browser().signUp(name);
        long company = companyOf(email);
        for (int i = 0; i < connections; i++) {
            Rows.execute(
                    "insert into connection (company_id, platform_key, category, status, sandbox, created_at, linked_at,"
                            + " connected_by) values (?1, 'qonto', 'BANKING', 'LINKED', true, ?2, ?2, ?3)",
                    company,
                    OffsetDateTime.now().minusMinutes(i),
                    email);
        }
        return company;
    }

    private static long companyOf(String email) {
        return ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
    }

    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
