package io.connectionportal.privacy;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.connectionportal.manage.RevocationRetrier;
import io.connectionportal.sandbox.SandboxFaults;
import io.connectionportal.sync.SyncWorker;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.LogCapture;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;

/**
 * Deleting the account and the company: the password asked again, the owner only, every connection revoked at its
 * provider, every row of the company erased in every table but the pseudonymised tombstones, its uploaded files' bytes
 * with them, the browser signed out, and another company untouched.
 */
@QuarkusTest
class AccountDeletionTest {

    /** Tables that keep a deleted company's rows, pseudonymised, for the proof period (docs/security.md). */
    private static final Set<String> TOMBSTONES =
            Set.of("COMPANY", "CONSENT_RECORD", "NDA_ACCEPTANCE", "AUDIT_EVENT", "REVOCATION", "COMPANY_MILESTONE");

    /**
     * Webhook messages to the integrator (ids and states only, no personal data): they must outlive the erasure, or the
     * integrator would never hear of the connections it deleted; the webhook retention removes them.
     */
    private static final Set<String> TOLD_TO_THE_INTEGRATOR = Set.of("WEBHOOK_DELIVERY");

    @Inject
    SandboxFaults faults;

    @Inject
    RevocationRetrier retrier;

    @Inject
    SyncWorker syncs;

    @Inject
    DeletedCompanyPurge purge;

    @AfterEach
    void providerBackToNormal() {
        faults.reset();
    }

    /** A company with something in every feature's tables, and what a test needs to find it again. */
    record Filled(String email, long company, long user, long xero, long qonto, long upload) {}

    private Filled fill(Browser browser, String name) {
        String email = browser.signUp(name);
        long company = Held.companyOf(email);
        browser.submit("/connect/consent", "/connect/consent", Map.of("category", "commerce", "agree", "yes"));
        long xero = SandboxJourney.connect(browser, "xero");
        long qonto = SandboxJourney.connect(browser, "qonto");
        syncs.runPending();
        browser.get("/connect/upload");
        browser.request()
                .multiPart(
                        "file",
                        "ledger.csv",
                        "date,amount\n2026-01-02,10.00\n".getBytes(StandardCharsets.UTF_8),
                        "text/csv")
                .multiPart("csrf-token", browser.csrfToken())
                .post("/connect/upload")
                .then()
                .statusCode(303);
        browser.submit("/connect/share", "/connect/share", Map.of("colleague", "Our accountant"))
                .then()
                .statusCode(303);
        browser.submit(
                        "/support",
                        "/support",
                        Map.of("name", "Camille", "email", email, "topic", "connecting", "message", "Help " + name))
                .then()
                .statusCode(303);
        browser.submit(
                        "/connect/request-integration",
                        "/connect/request-integration",
                        Map.of("platformName", "Banque Régionale", "website", "", "category", "banking", "note", ""))
                .then()
                .statusCode(303);
        browser.submit("/privacy/nda", "/privacy/nda", Map.of()).then().statusCode(303);
        Rows.execute(
                "insert into company_profile (company_id, legal_name, updated_at) values (?1, ?2, ?3)",
                company,
                name + " SAS",
                OffsetDateTime.now());
        long upload = ((Number) Rows.single("select id from upload where company_id = ?1", company)).longValue();
        assertEquals(1, Rows.count("upload_bytes", "upload_id = ?1", upload), "the file's bytes, in the database");
        assertTrue(Rows.count("synced_record", "company_id = ?1", company) > 0, "synced data to erase");
        return new Filled(email, company, Held.userOf(email), xero, qonto, upload);
    }

    private static Response deleteAccount(Browser browser) {
        browser.confirmPassword();
        browser.get("/account/delete").then().statusCode(200);
        return browser.post("/account/delete", Map.of("agree", "yes"));
    }

    @Test
    void deletionRevokesEveryConnectionAndErasesEveryRowOfTheCompanyButItsPseudonymisedTombstones() throws Exception {
        Browser bystander = new Browser();
        Filled other = fill(bystander, "Deletion Bystander Co");
        Browser browser = new Browser();
        Filled mine = fill(browser, "Deletion Co");
        String xeroAccess = Held.accessToken(mine.xero());
        String qontoAccess = Held.accessToken(mine.qonto());

        Response done;
        try (LogCapture logs = new LogCapture()) {
            done = deleteAccount(browser);
            assertEquals(
                    1,
                    logs.linesContaining("security event=account_deletion outcome=allowed")
                            .size());
            assertFalse(logs.anyContains(mine.email()), "no e-mail in the logs");
        }
        assertEquals(303, done.statusCode(), done.body().asString());
        assertTrue(done.header("Location").matches("https?://[^/]+/"), done.header("Location"));
        browser.get("/").then().body(containsString("Your account and your company&#39;s data are deleted."));
        browser.get("/connections").then().statusCode(303).header("Location", containsString("/login"));

        assertEquals(401, SandboxJourney.dataApiStatus("xero", xeroAccess), "revoked at the provider");
        assertEquals(401, SandboxJourney.dataApiStatus("qonto", "bank-accounts", qontoAccess));

        List<String> leftovers = rowsOfTheCompanyOutsideTheTombstones(mine);
        assertEquals(List.of(), leftovers, "every row of the company is erased but the tombstones");
        for (long connection : List.of(mine.xero(), mine.qonto())) {
            assertEquals(
                    1,
                    Rows.count(
                            "webhook_delivery",
                            "event_type = 'connection.deleted' and payload like ?1",
                            "%\"connectionId\":" + connection + ",%"),
                    "the integrator is told of each deleted connection");
        }
        assertEquals(List.of(), tablesNaming(mine.email()), "the e-mail address is nowhere in the database");
        assertEquals(
                1,
                Rows.count("company", "id = ?1 and name = '' and deleted_at is not null", mine.company()),
                "an emptied company row holds the tombstones");
        assertEquals(
                0,
                Rows.count(
                        "consent_record",
                        "company_id = ?1 and (user_id is not null or ip_address is not null or user_agent is not null)",
                        mine.company()));
        assertTrue(
                Rows.count("consent_record", "company_id = ?1 and kind = 'GIVEN'", mine.company()) >= 3,
                "the consents stay as proof");
        assertEquals(1, Rows.count("nda_acceptance", "company_id = ?1 and user_id is null", mine.company()));
        assertEquals(
                0, Rows.count("audit_event", "company_id = ?1 and actor not in ('erased', 'system')", mine.company()));
        assertEquals(
                0,
                Rows.count(
                        "audit_event",
                        "company_id = ?1 and type in ('SYNCED', 'REFRESHED', 'SHARE_LINK_USED')",
                        mine.company()),
                "only the tombstones the law needs");
        for (long connection : List.of(mine.xero(), mine.qonto())) {
            assertEquals(1, Rows.count("audit_event", "connection_id = ?1 and type = 'CONNECTED'", connection));
            assertEquals(1, Rows.count("audit_event", "connection_id = ?1 and type = 'DELETED'", connection));
            assertEquals(1, Rows.count("audit_event", "connection_id = ?1 and type = 'REVOKED'", connection));
        }
        assertEquals(
                1,
                Rows.count(
                        "audit_event",
                        "company_id = ?1 and type = 'ACCOUNT_DELETED' and actor = 'erased'",
                        mine.company()));
        assertEquals(
                0, Rows.count("upload_bytes", "upload_id = ?1", mine.upload()), "the uploaded file's bytes are erased");

        // The other company is untouched.
        assertEquals("LINKED", Held.status(other.xero()));
        assertEquals(200, SandboxJourney.dataApiStatus("xero", Held.accessToken(other.xero())));
        assertEquals(1, Rows.count("upload_bytes", "upload_id = ?1", other.upload()));
        assertEquals(1, Rows.count("upload", "company_id = ?1", other.company()));
        assertEquals(1, Rows.count("share_link", "company_id = ?1", other.company()));
        assertEquals(1, Rows.count("support_request", "company_id = ?1", other.company()));
        assertEquals(1, Rows.count("company_profile", "company_id = ?1", other.company()));
        assertEquals(
                0,
                Rows.count(
                        "consent_record",
                        "company_id = ?1 and (user_id is null or ip_address is null)",
                        other.company()));
        assertEquals(0, Rows.count("audit_event", "company_id = ?1 and actor = 'erased'", other.company()));
        bystander.get("/connections").then().statusCode(200).body(containsString("Xero"));

        // The address is free again: a new sign-up is a new customer.
        Response again = new Browser()
                .submit(
                        "/signup",
                        "/signup",
                        Map.of(
                                "email",
                                mine.email(),
                                "password",
                                Browser.PASSWORD,
                                "companyName",
                                "Deletion Co again"));
        assertEquals(303, again.statusCode());
        assertTrue(Held.companyOf(mine.email()) != mine.company());
    }

    /** Every table with a company, user or connection column: the rows that still name this company. */
    private static List<String> rowsOfTheCompanyOutsideTheTombstones(Filled company) {
        List<String> found = new ArrayList<>();
        List<Long> connections = List.of(company.xero(), company.qonto());
        List<Object[]> columns = columns("and upper(data_type) in ('BIGINT', 'INTEGER')");
        assertTrue(
                columns.stream().anyMatch(c -> "UPLOAD".equals(c[0]) && "COMPANY_ID".equals(c[1])),
                "the catalogue was read");
        for (Object[] column : columns) {
            String table = (String) column[0];
            String name = (String) column[1];
            if (TOMBSTONES.contains(table) || TOLD_TO_THE_INTEGRATOR.contains(table)) {
                continue;
            }
            long rows = switch (name) {
                case "COMPANY_ID" -> Rows.count(table, "company_id = ?1", company.company());
                case "USER_ID", "CREATED_BY_USER_ID" -> Rows.count(table, name + " = ?1", company.user());
                case "CONNECTION_ID" ->
                    Rows.count(table, "connection_id in (?1, ?2)", connections.get(0), connections.get(1));
                default -> 0;
            };
            if (rows > 0) {
                found.add(table + "." + name + ": " + rows);
            }
        }
        if (Rows.count("app_user", "company_id = ?1", company.company()) > 0) {
            found.add("APP_USER");
        }
        return found;
    }

    /**
     * The tables in which some text column holds {@code text}: the whole schema, so a table added later is caught.
     * Written for H2 and PostgreSQL alike (their catalogues differ in case).
     */
    private static List<String> tablesNaming(String text) {
        List<String> found = new ArrayList<>();
        for (Object[] column :
                columns("and upper(data_type) in ('CHARACTER VARYING', 'CHARACTER LARGE OBJECT', 'TEXT')")) {
            if (Rows.count((String) column[0], column[1] + " like ?1", "%" + text + "%") > 0) {
                found.add(column[0] + "." + column[1]);
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> columns(String condition) {
        return QuarkusTransaction.requiringNew().call(() -> (List<Object[]>) Panache.getEntityManager()
                .createNativeQuery("select upper(table_name), upper(column_name) from information_schema.columns"
                        + " where upper(table_schema) = 'PUBLIC' and upper(table_name) <> 'FLYWAY_SCHEMA_HISTORY' "
                        + condition + " order by 1, 2")
                .getResultList());
    }

    @Test
    void deletingAsksForThePasswordAgainOnThePageAndOnTheForm() {
        Browser browser = new Browser();
        String email = browser.signUp("Deletion Reauth Co");
        Response page = browser.get("/account/delete");
        assertEquals(303, page.statusCode());
        assertTrue(page.header("Location").contains("/account/confirm?next=%2Faccount%2Fdelete"));
        browser.get("/account");
        Response post = browser.post("/account/delete", Map.of("agree", "yes"));
        assertEquals(303, post.statusCode());
        assertTrue(post.header("Location").contains("/account/confirm"));
        assertEquals(1, Rows.count("app_user", "email = ?1", email), "nothing deleted");
    }

    @Test
    void onlyTheOwnerMayDeleteTheAccount() {
        Browser browser = new Browser();
        String email = browser.signUp("Deletion Member Co");
        Rows.execute("update app_user set role = 'member' where email = ?1", email);
        browser.confirmPassword();
        browser.get("/account/delete")
                .then()
                .statusCode(403)
                .body(containsString("Only the owner can delete the account"))
                .body(not(containsString("action=\"/account/delete\"")));
        browser.get("/account");
        browser.post("/account/delete", Map.of("agree", "yes")).then().statusCode(403);
        assertEquals(1, Rows.count("app_user", "email = ?1", email));
        assertEquals(0, Rows.count("company", "id = ?1 and deleted_at is not null", Held.companyOf(email)));
    }

    @Test
    void theConfirmationPageSaysWhatStopsWhatIsErasedAndWhatIsKeptAndTheBoxMustBeTicked() {
        Browser browser = new Browser();
        String email = browser.signUp("Deletion Page Co");
        SandboxJourney.connect(browser, "xero");
        browser.get("/account").then().body(containsString("href=\"/account/delete\""));
        browser.confirmPassword();
        browser.get("/account/delete")
                .then()
                .statusCode(200)
                .body(containsString("Delete your account and Deletion Page Co?"))
                .body(containsString("<li>Xero</li>"))
                .body(containsString("Files you sent: none."))
                .body(containsString("Your account."))
                .body(containsString("for 5 years and then erase"))
                .body(containsString("href=\"/connections/export\""))
                .body(containsString("name=\"csrf-token\""));
        Response unticked = browser.post("/account/delete", Map.of());
        assertEquals(400, unticked.statusCode());
        assertTrue(unticked.body().asString().contains("href=\"#agree\""), "the error summary links to the box");
        assertTrue(unticked.body().asString().contains("id=\"agree-error\""));
        assertEquals(1, Rows.count("app_user", "email = ?1", email));
        browser.request()
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", "forged")
                .formParam("agree", "yes")
                .post("/account/delete")
                .then()
                .statusCode(400);
        assertEquals(1, Rows.count("app_user", "email = ?1", email));
    }

    @Test
    void aProviderFailingToRevokeDoesNotBlockTheDeletionAndIsRetriedUntilItConfirms() {
        Browser browser = new Browser();
        String email = browser.signUp("Deletion Outage Co");
        long company = Held.companyOf(email);
        long xero = SandboxJourney.connect(browser, "xero");
        String access = Held.accessToken(xero);

        faults.failNextRevocations(2);
        assertEquals(303, deleteAccount(browser).statusCode());
        assertEquals(0, Rows.count("connection", "company_id = ?1", company));
        assertEquals(0, Rows.count("app_user", "company_id = ?1", company));
        assertEquals(
                2,
                Rows.count(
                        "revocation",
                        "connection_id = ?1 and revoked_at is null and token_enc is not null and last_error is not null",
                        xero),
                "kept, encrypted, to be retried");
        assertEquals(1, Rows.count("audit_event", "connection_id = ?1 and type = 'REVOCATION_PENDING'", xero));

        Rows.execute(
                "update revocation set next_attempt_at = ?1 where connection_id = ?2 and revoked_at is null",
                OffsetDateTime.parse("2000-01-01T00:00:00Z"),
                xero);
        retrier.runOnce();
        assertEquals(
                0,
                Rows.count("revocation", "connection_id = ?1 and (revoked_at is null or token_enc is not null)", xero));
        assertEquals(401, SandboxJourney.dataApiStatus("xero", access));
        assertEquals(1, Rows.count("audit_event", "connection_id = ?1 and type = 'REVOKED'", xero));
    }

    @Test
    void afterTheProofPeriodTheLastRecordsOfADeletedCompanyAreErased() {
        Browser browser = new Browser();
        String email = browser.signUp("Deletion Proof Co");
        long company = Held.companyOf(email);
        SandboxJourney.connect(browser, "xero");
        assertEquals(303, deleteAccount(browser).statusCode());
        assertTrue(Rows.count("audit_event", "company_id = ?1", company) > 0);

        purge.purge(Instant.now().plus(Duration.ofDays(1000)));
        assertEquals(1, Rows.count("company", "id = ?1", company), "still within five years");

        purge.purge(Instant.now().plus(Duration.ofDays(1827)));
        for (String table : List.of("consent_record", "audit_event", "revocation", "company")) {
            assertEquals(
                    0, Rows.count(table, ("company".equals(table) ? "id" : "company_id") + " = ?1", company), table);
        }
    }
}
