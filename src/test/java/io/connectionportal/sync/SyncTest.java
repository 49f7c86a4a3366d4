package io.connectionportal.sync;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionTokens;
import io.connectionportal.connectors.Connector;
import io.connectionportal.connectors.Connectors;
import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.sandbox.SandboxFaults;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.LogCapture;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.SandboxJourney;
import io.connectionportal.testing.Scheduling;
import io.connectionportal.testing.ThirdPartyProvider;

/**
 * The sync engine against the built-in sandbox, reached over HTTP like any provider. The scheduler is
 * paused in the test profile, so each test runs the queue itself ({@link SyncWorker#runPending()}) and
 * what ran, and when, does not depend on timing; one test resumes the real polling on its own.
 */
@QuarkusTest
@QuarkusTestResource(ThirdPartyProvider.class)
class SyncTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Inject
    SyncJobs jobs;

    @Inject
    SyncWorker worker;

    @Inject
    SyncScheduler schedule;

    @Inject
    SyncHistory history;

    @Inject
    SyncedData data;

    @Inject
    ConnectionSummaries summaries;

    @Inject
    Scheduler scheduler;

    @Inject
    SandboxFaults faults;

    @Inject
    ConnectionTokens connectionTokens;

    @Inject
    Connectors connectors;

    @Inject
    PlatformCatalog catalog;

    @AfterEach
    void backToNormal() {
        faults.reset();
    }

    /** A company with one sandbox connection, linked through the real connect flow. */
    private record Linked(long companyId, long connectionId, Browser browser, String email) {}

    private Linked link(String companyName, String platformKey) {
        Browser browser = new Browser();
        String email = browser.signUp(companyName);
        return link(browser, email, platformKey);
    }

    private Linked link(Browser browser, String email, String platformKey) {
        long connectionId = SandboxJourney.connect(browser, platformKey);
        long companyId =
                ((Number) Rows.single("select company_id from connection where id = ?1", connectionId)).longValue();
        return new Linked(companyId, connectionId, browser, email);
    }

    /** Links and runs the initial sync, so the test starts with no job queued. */
    private Linked linkAndSync(String companyName, String platformKey) {
        Linked linked = link(companyName, platformKey);
        assertTrue(jobs.enqueue(linked.connectionId(), Trigger.INITIAL).isPresent());
        assertEquals(SyncOutcome.SUCCESS, awaitRuns(linked, 1).outcome());
        return linked;
    }

    /** Runs the queue, after which the connection has exactly {@code runs} runs; returns the newest. */
    private SyncRunView awaitRuns(Linked linked, int runs) {
        worker.runPending();
        List<SyncRunView> done = history.forConnection(linked.companyId(), linked.connectionId());
        assertEquals(runs, done.size(), "sync runs of connection " + linked.connectionId() + " once the queue is run");
        return done.get(0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(e);
        }
    }

    private String refreshToken(long connectionId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> connectionTokens
                        .refreshToken(Connection.findById(connectionId))
                        .orElseThrow());
    }

    private String accessToken(long connectionId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> connectionTokens
                        .accessToken(Connection.findById(connectionId))
                        .orElseThrow());
    }

    private static String column(String column, long connectionId) {
        return (String) Rows.single("select " + column + " from connection where id = ?1", connectionId);
    }

    /** What the sandbox's data API serves to this connection's current access token. */
    private JsonPath api(long connectionId, String platformKey, String resource) {
        return given().header("Authorization", "Bearer " + accessToken(connectionId))
                .get("/sandbox/" + platformKey + "/api/" + resource)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void expireAccessToken(long connectionId) {
        assertEquals(
                1,
                Rows.execute(
                        "update connection set access_token_expires_at = ?1 where id = ?2",
                        Instant.now().minus(Duration.ofMinutes(1)),
                        connectionId));
    }

    // ----- initial sync -----

    @Test
    void theInitialSyncStoresEveryDatasetAndItsRun() {
        Linked xero = link("Sync Initial Co", "xero");
        // Once the callback queues the initial sync itself, this finds that job: the same either way.
        assertTrue(jobs.enqueue(xero.connectionId(), Trigger.INITIAL).isPresent());
        assertTrue(
                history.summary(xero.companyId(), List.of(xero.connectionId()))
                        .get(xero.connectionId())
                        .syncing(),
                "shown as syncing while queued");

        SyncRunView run = awaitRuns(xero, 1);
        assertEquals(SyncOutcome.SUCCESS, run.outcome());
        assertEquals(Trigger.INITIAL, run.trigger());
        assertTrue(run.errorMessage().isEmpty());
        assertFalse(run.endedAt().isBefore(run.startedAt()));
        assertEquals(
                Set.of(
                        DataType.COMPANY_INFO,
                        DataType.CHART_OF_ACCOUNTS,
                        DataType.INVOICES,
                        DataType.BILLS,
                        DataType.FINANCIAL_STATEMENTS),
                run.records().keySet());

        // Exactly what the provider's API serves, one row per record, counted in the run.
        assertEquals(1, run.records().get(DataType.COMPANY_INFO));
        assertEquals(
                api(xero.connectionId(), "xero", "invoices").getList("data").size(),
                run.records().get(DataType.INVOICES));
        assertEquals(24, run.records().get(DataType.FINANCIAL_STATEMENTS), "12 P&L and 12 balance sheets");
        Map<DataType, Long> counts =
                data.counts(xero.companyId(), List.of(xero.connectionId())).get(xero.connectionId());
        for (Map.Entry<DataType, Integer> count : run.records().entrySet()) {
            assertTrue(count.getValue() > 0, count.getKey() + " fetched");
            assertEquals(count.getValue().longValue(), counts.get(count.getKey()), count.getKey() + " stored");
            assertEquals(
                    count.getValue().longValue(),
                    Rows.count(
                            "synced_record",
                            "connection_id = ?1 and company_id = ?2 and data_type = ?3",
                            xero.connectionId(),
                            xero.companyId(),
                            count.getKey().name()));
        }
        assertEquals(
                1,
                Rows.count(
                        "sync_run",
                        "connection_id = ?1 and outcome = 'SUCCESS' and trigger_type = 'INITIAL'",
                        xero.connectionId()));
        assertEquals(
                5,
                Rows.count(
                        "sync_run_count c join sync_run r on r.id = c.run_id",
                        "r.connection_id = ?1",
                        xero.connectionId()));

        // The identifying metadata the dashboard shows.
        JsonPath company = api(xero.connectionId(), "xero", "company");
        ConnectionMetadata metadata = history.overview(xero.companyId(), List.of(xero.connectionId()))
                .get(xero.connectionId())
                .metadata();
        assertEquals(Optional.of(company.getString("data.legalName")), metadata.legalName());
        assertEquals(Optional.of(company.getString("data.baseCurrency")), metadata.baseCurrency());
        assertTrue(metadata.bankAccounts().isEmpty());
        String stored = (String) Rows.single(
                "select payload from synced_record where connection_id = ?1 and data_type = 'COMPANY_INFO'",
                xero.connectionId());
        assertTrue(
                stored.contains("\"registrationNumber\":\"" + company.getString("data.registrationNumber") + "\""),
                "the provider's JSON is kept");

        SyncSummary summary =
                history.summary(xero.companyId(), List.of(xero.connectionId())).get(xero.connectionId());
        assertFalse(summary.syncing());
        assertEquals(Optional.of(SyncOutcome.SUCCESS), summary.lastOutcome());
        assertEquals(Optional.of(run.endedAt()), summary.firstSync());
        assertEquals(Optional.of(run.endedAt()), summary.lastSync());
        assertEquals(Optional.of(run.endedAt().plus(Duration.ofHours(24))), summary.nextScheduledSync());

        // A second sync replaces the records rather than adding to them.
        assertTrue(jobs.refresh(xero.companyId(), xero.connectionId()).isPresent());
        SyncRunView second = awaitRuns(xero, 2);
        assertEquals(Trigger.MANUAL, second.trigger());
        assertEquals(SyncOutcome.SUCCESS, second.outcome());
        assertEquals(
                counts,
                data.counts(xero.companyId(), List.of(xero.connectionId())).get(xero.connectionId()));
        summary =
                history.summary(xero.companyId(), List.of(xero.connectionId())).get(xero.connectionId());
        assertEquals(Optional.of(run.endedAt()), summary.firstSync());
        assertEquals(Optional.of(second.endedAt()), summary.lastSync());
    }

    @Test
    void summariesCarriedOverFromBeforeTheReadModelGetTheirFactsAtStartUp() {
        Linked xero = linkAndSync("Sync Carried Co", "xero");
        Rows.execute(
                "update connection_summary set legal_name = null, base_currency = null, facts_pending = true"
                        + " where connection_id = ?1",
                xero.connectionId());
        assertTrue(history.overview(xero.companyId(), List.of(xero.connectionId()))
                .get(xero.connectionId())
                .metadata()
                .isEmpty());

        summaries.onStart(null);

        JsonPath company = api(xero.connectionId(), "xero", "company");
        ConnectionMetadata metadata = history.overview(xero.companyId(), List.of(xero.connectionId()))
                .get(xero.connectionId())
                .metadata();
        assertEquals(Optional.of(company.getString("data.legalName")), metadata.legalName());
        assertEquals(Optional.of(company.getString("data.baseCurrency")), metadata.baseCurrency());
        assertEquals(0, Rows.count("connection_summary", "facts_pending = true"));
    }

    @Test
    void bankConnectionsKeepEachAccountsNameAndMaskedNumber() {
        Linked xero = linkAndSync("Sync Bank Co", "xero");
        Linked qonto = link(xero.browser(), xero.email(), "qonto");
        jobs.enqueue(qonto.connectionId(), Trigger.INITIAL);
        SyncRunView run = awaitRuns(qonto, 1);
        assertEquals(SyncOutcome.SUCCESS, run.outcome());
        assertEquals(
                Set.of(DataType.BANK_ACCOUNTS, DataType.BANK_TRANSACTIONS),
                run.records().keySet());

        JsonPath accounts = api(qonto.connectionId(), "qonto", "bank-accounts");
        List<String> names = accounts.getList("data.name");
        List<String> masked = accounts.getList("data.maskedAccountNumber");
        Map<Long, ConnectionOverview> overviews =
                history.overview(xero.companyId(), List.of(xero.connectionId(), qonto.connectionId()));
        ConnectionMetadata bank = overviews.get(qonto.connectionId()).metadata();
        assertEquals(
                names,
                bank.bankAccounts().stream()
                        .map(ConnectionMetadata.BankAccount::name)
                        .toList());
        assertEquals(
                masked,
                bank.bankAccounts().stream()
                        .map(ConnectionMetadata.BankAccount::maskedAccountNumber)
                        .toList());
        assertTrue(bank.legalName().isEmpty());
        assertTrue(
                overviews.get(xero.connectionId()).metadata().legalName().isPresent(), "both connections in one call");
        assertEquals(
                data.counts(xero.companyId(), List.of(qonto.connectionId())).get(qonto.connectionId()),
                overviews.get(qonto.connectionId()).counts());

        // Another company asking about these connections learns nothing.
        Linked other = link("Sync Other Co", "woocommerce");
        assertEquals(
                new ConnectionOverview(SyncSummary.none(qonto.connectionId()), ConnectionMetadata.NONE, Map.of()),
                history.overview(other.companyId(), List.of(qonto.connectionId()))
                        .get(qonto.connectionId()));
        assertTrue(data.counts(other.companyId(), List.of(qonto.connectionId()))
                .get(qonto.connectionId())
                .isEmpty());
        assertTrue(
                history.forConnection(other.companyId(), qonto.connectionId()).isEmpty());
        assertTrue(history.summary(other.companyId(), List.of(qonto.connectionId()))
                .get(qonto.connectionId())
                .lastSync()
                .isEmpty());
        assertTrue(data.records(other.companyId(), qonto.connectionId(), DataType.BANK_ACCOUNTS)
                .isEmpty());
        assertTrue(
                jobs.refresh(other.companyId(), qonto.connectionId()).isEmpty(),
                "cannot refresh another company's connection");
        assertEquals(
                names.size(),
                data.records(qonto.companyId(), qonto.connectionId(), DataType.BANK_ACCOUNTS)
                        .size());
    }

    // ----- tokens -----

    @Test
    void anExpiredAccessTokenIsRefreshedFirst() {
        Linked xero = linkAndSync("Sync Expired Co", "xero");
        String refreshBefore = column("refresh_token_enc", xero.connectionId());
        String accessBefore = column("access_token_enc", xero.connectionId());
        String plainRefresh = refreshToken(xero.connectionId());
        expireAccessToken(xero.connectionId());

        try (LogCapture logs = new LogCapture()) {
            jobs.refresh(xero.companyId(), xero.connectionId());
            SyncRunView run = awaitRuns(xero, 2);
            assertEquals(SyncOutcome.SUCCESS, run.outcome());
            assertFalse(logs.anyContains(plainRefresh), "tokens are never logged");
            assertFalse(logs.anyContains(refreshToken(xero.connectionId())));
            assertFalse(logs.anyContains(accessToken(xero.connectionId())));
        }
        assertNotEquals(
                refreshBefore, column("refresh_token_enc", xero.connectionId()), "the rotated refresh token is stored");
        assertNotEquals(accessBefore, column("access_token_enc", xero.connectionId()));
        assertNotEquals(plainRefresh, refreshToken(xero.connectionId()));
        assertTrue(connection(xero.connectionId()).accessTokenExpiresAt.isAfter(Instant.now()));
        assertEquals("LINKED", column("status", xero.connectionId()));
    }

    @Test
    void anAccessTokenRevokedBeforeItsExpiryIsRefreshedAfterA401() throws Exception {
        Linked xero = linkAndSync("Sync Revoked Access Co", "xero");
        String refreshBefore = column("refresh_token_enc", xero.connectionId());
        Connector connector = connectors.forPlatform(catalog.find("xero").orElseThrow());
        connector.revoke(accessToken(xero.connectionId()), Connector.TokenKind.ACCESS_TOKEN);

        jobs.refresh(xero.companyId(), xero.connectionId());
        SyncRunView run = awaitRuns(xero, 2);
        assertEquals(SyncOutcome.SUCCESS, run.outcome(), run.errorMessage().orElse(""));
        assertNotEquals(refreshBefore, column("refresh_token_enc", xero.connectionId()));
    }

    @Test
    void aRefreshAnsweredInvalidGrantRequiresReauthorizationAndStopsScheduling() {
        Linked xero = linkAndSync("Sync Invalid Grant Co", "xero");
        long recordsBefore = Rows.count("synced_record", "connection_id = ?1", xero.connectionId());
        faults.rejectRefreshToken(refreshToken(xero.connectionId()));
        expireAccessToken(xero.connectionId());

        jobs.refresh(xero.companyId(), xero.connectionId());
        SyncRunView run = awaitRuns(xero, 2);
        assertEquals(SyncOutcome.REAUTH_REQUIRED, run.outcome());
        assertTrue(
                run.errorMessage().orElseThrow().contains("invalid_grant"),
                run.errorMessage().orElseThrow());
        assertTrue(run.records().isEmpty());
        assertEquals("REAUTH_REQUIRED", column("status", xero.connectionId()));
        assertEquals(
                recordsBefore,
                Rows.count("synced_record", "connection_id = ?1", xero.connectionId()),
                "the data of the last success is kept");

        // No more syncs: not on request, and not by the schedule even once its data is old.
        assertTrue(jobs.refresh(xero.companyId(), xero.connectionId()).isEmpty());
        assertTrue(jobs.enqueue(xero.connectionId(), Trigger.MANUAL).isEmpty());
        age(xero.connectionId(), Duration.ofDays(3));
        assertFalse(schedule.enqueueDue().contains(xero.connectionId()));
        assertEquals(0, Rows.count("sync_job", "connection_id = ?1 and status <> 'DONE'", xero.connectionId()));
        SyncSummary summary =
                history.summary(xero.companyId(), List.of(xero.connectionId())).get(xero.connectionId());
        assertTrue(summary.nextScheduledSync().isEmpty());
        assertEquals(Optional.of(SyncOutcome.REAUTH_REQUIRED), summary.lastOutcome());
    }

    @Test
    void aGrantRevokedAtTheProviderRequiresReauthorization() throws Exception {
        Linked xero = linkAndSync("Sync Revoked Grant Co", "xero");
        // Revoking the refresh token ends the whole grant (RFC 7009), as a user removing the app at the provider would.
        Connector connector = connectors.forPlatform(catalog.find("xero").orElseThrow());
        connector.revoke(refreshToken(xero.connectionId()), Connector.TokenKind.REFRESH_TOKEN);

        jobs.refresh(xero.companyId(), xero.connectionId());
        SyncRunView run = awaitRuns(xero, 2);
        assertEquals(SyncOutcome.REAUTH_REQUIRED, run.outcome());
        assertEquals("REAUTH_REQUIRED", column("status", xero.connectionId()));
    }

    @Test
    void aPlatformWithoutADataApiRecordsAnError() {
        Browser browser = new Browser();
        String email = browser.signUp("Sync No Api Co");
        long companyId = ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
        // A platform with real OAuth settings (ThirdPartyProvider) but no data API client yet.
        Rows.execute(
                "insert into connection (company_id, platform_key, category, status, sandbox, created_at, linked_at) "
                        + "values (?1, ?2, 'ACCOUNTING', 'LINKED', false, current_timestamp, current_timestamp)",
                companyId,
                ThirdPartyProvider.PLATFORM);
        long connectionId =
                ((Number) Rows.single("select max(id) from connection where company_id = ?1", companyId)).longValue();
        Linked linked = new Linked(companyId, connectionId, browser, email);

        jobs.enqueue(connectionId, Trigger.INITIAL);
        SyncRunView run = awaitRuns(linked, 1);
        assertEquals(SyncOutcome.FAILED, run.outcome());
        assertEquals(Optional.of("This platform's data is not read automatically"), run.errorMessage());
        assertEquals("LINKED", column("status", connectionId));

        // Retrying could only record the same error: the schedule leaves it alone and shows no next sync.
        age(connectionId, Duration.ofDays(2));
        Rows.execute(
                "update connection set linked_at = ?1 where id = ?2",
                Instant.now().minus(Duration.ofDays(2)),
                connectionId);
        assertFalse(schedule.enqueueDue().contains(connectionId));
        assertTrue(history.summary(companyId, List.of(connectionId))
                .get(connectionId)
                .nextScheduledSync()
                .isEmpty());
    }

    // ----- the job queue -----

    @Test
    void tenConcurrentRefreshRequestsGiveOneSync() throws Exception {
        Linked xero = linkAndSync("Sync Ten Clicks Co", "xero");
        int requests = 10;
        CyclicBarrier together = new CyclicBarrier(requests);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<Future<SyncJobs.Enqueued>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return jobs.refresh(xero.companyId(), xero.connectionId()).orElseThrow();
                }));
            }
            List<SyncJobs.Enqueued> enqueued = new ArrayList<>();
            for (Future<SyncJobs.Enqueued> answer : answers) {
                enqueued.add(answer.get(30, TimeUnit.SECONDS));
            }
            assertEquals(
                    1,
                    enqueued.stream()
                            .map(SyncJobs.Enqueued::jobId)
                            .collect(Collectors.toSet())
                            .size(),
                    "every request got the same job");
            assertEquals(1, enqueued.stream().filter(e -> !e.alreadyActive()).count(), "one request queued it");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Rows.count("sync_job", "connection_id = ?1 and trigger_type = 'MANUAL'", xero.connectionId()));

        SyncRunView run = awaitRuns(xero, 2);
        assertEquals(Trigger.MANUAL, run.trigger());
        assertEquals(SyncOutcome.SUCCESS, run.outcome());
        assertEquals(1, Rows.count("sync_run", "connection_id = ?1 and trigger_type = 'MANUAL'", xero.connectionId()));
        worker.runPending();
        assertEquals(
                2, history.forConnection(xero.companyId(), xero.connectionId()).size(), "and nothing more");
    }

    @Test
    void thePollingWorkerRunsQueuedSyncsOffTheRequestThread() {
        Linked xero = link("Sync Background Co", "xero");
        jobs.enqueue(xero.connectionId(), Trigger.INITIAL);
        // Nobody calls runPending here: the @Scheduled poll, resumed for this test alone, finds the job.
        try (Scheduling polling = Scheduling.only(scheduler, SyncWorker.IDENTITY)) {
            Instant deadline = Instant.now().plus(PATIENCE);
            while (history.forConnection(xero.companyId(), xero.connectionId()).isEmpty()) {
                assertTrue(Instant.now().isBefore(deadline), "the worker did not pick up the job");
                sleep(50);
            }
        }
        assertEquals(
                SyncOutcome.SUCCESS,
                history.forConnection(xero.companyId(), xero.connectionId())
                        .get(0)
                        .outcome());
    }

    @Test
    void theDatabaseRefusesASecondActiveJobForAConnection() {
        Linked xero = linkAndSync("Sync Unique Co", "xero");
        String insert =
                "insert into sync_job (connection_id, company_id, trigger_type, status, active_connection_id, created_at, "
                        + "attempts) values (?1, ?2, 'MANUAL', 'QUEUED', ?1, current_timestamp, 0)";
        Rows.execute(insert, xero.connectionId(), xero.companyId());
        try {
            Rows.execute(insert, xero.connectionId(), xero.companyId());
            fail("a second active job was accepted");
        } catch (RuntimeException expected) {
            // uk_sync_job_active
        }
        assertEquals(1, Rows.count("sync_job", "active_connection_id = ?1", xero.connectionId()));
        awaitRuns(xero, 2);
    }

    // ----- the schedule -----

    @Test
    void theScheduleSyncsLinkedConnectionsWhoseDataIsOldButNotThoseNeedingReauthorization() {
        Linked fresh = linkAndSync("Sync Fresh Co", "xero");
        Linked old = linkAndSync("Sync Old Co", "xero");
        Linked reauth = linkAndSync("Sync Reauth Co", "xero");
        age(old.connectionId(), Duration.ofHours(25));
        age(reauth.connectionId(), Duration.ofHours(25));
        Rows.execute("update connection set status = 'REAUTH_REQUIRED' where id = ?1", reauth.connectionId());

        List<Long> due = schedule.enqueueDue();
        assertTrue(due.contains(old.connectionId()), "older than portal.sync.interval");
        assertFalse(due.contains(fresh.connectionId()), "synced less than 24 hours ago");
        assertFalse(due.contains(reauth.connectionId()), "needs reauthorizing");
        assertEquals(
                1,
                Rows.count(
                        "sync_job",
                        "connection_id = ?1 and trigger_type = 'SCHEDULED' and status = 'QUEUED'",
                        old.connectionId()));
        assertEquals(0, Rows.count("sync_job", "connection_id = ?1 and status <> 'DONE'", reauth.connectionId()));
        assertFalse(schedule.enqueueDue().contains(old.connectionId()), "already queued");
        assertEquals(
                1,
                Rows.count("sync_job", "connection_id = ?1 and status <> 'DONE'", old.connectionId()),
                "checking again queues nothing more");

        SyncRunView run = awaitRuns(old, 2);
        assertEquals(Trigger.SCHEDULED, run.trigger());
        assertEquals(SyncOutcome.SUCCESS, run.outcome());
        assertFalse(schedule.enqueueDue().contains(old.connectionId()), "fresh again");
        assertEquals(
                Optional.of(run.endedAt().plus(Duration.ofHours(24))),
                history.summary(old.companyId(), List.of(old.connectionId()))
                        .get(old.connectionId())
                        .nextScheduledSync());
        assertTrue(history.summary(reauth.companyId(), List.of(reauth.connectionId()))
                .get(reauth.connectionId())
                .nextScheduledSync()
                .isEmpty());
    }

    @Test
    void aFailedAttemptIsRetriedAfterTheRetryDelayNotAtEveryCheck() {
        Linked xero = linkAndSync("Sync Retry Co", "xero");
        age(xero.connectionId(), Duration.ofHours(30));
        // A failed scheduled attempt ten minutes ago.
        Rows.execute(
                "insert into sync_run (connection_id, company_id, trigger_type, started_at, ended_at, outcome, error_message) "
                        + "values (?1, ?2, 'SCHEDULED', ?3, ?3, 'FAILED', 'The data API answered 503 to invoices')",
                xero.connectionId(),
                xero.companyId(),
                Instant.now().minus(Duration.ofMinutes(10)));
        Rows.execute(
                "update connection_summary set last_attempt_at = ?1, last_outcome = 'FAILED',"
                        + " last_error = 'The data API answered 503 to invoices' where connection_id = ?2",
                Instant.now().minus(Duration.ofMinutes(10)),
                xero.connectionId());
        assertFalse(schedule.enqueueDue().contains(xero.connectionId()));
        SyncSummary summary =
                history.summary(xero.companyId(), List.of(xero.connectionId())).get(xero.connectionId());
        assertEquals(Optional.of(SyncOutcome.FAILED), summary.lastOutcome());
        assertEquals(Optional.of("The data API answered 503 to invoices"), summary.lastError());
        assertTrue(
                summary.nextScheduledSync().orElseThrow().isAfter(Instant.now().plus(Duration.ofMinutes(45))));

        Rows.execute(
                "update sync_run set started_at = ?1, ended_at = ?1 where connection_id = ?2 and outcome = 'FAILED'",
                Instant.now().minus(Duration.ofMinutes(61)),
                xero.connectionId());
        assertTrue(schedule.enqueueDue().contains(xero.connectionId()));
        assertEquals(SyncOutcome.SUCCESS, awaitRuns(xero, 3).outcome());
    }

    /** Moves every run of the connection back in time, as if its last sync were that old. */
    private static void age(long connectionId, Duration by) {
        Instant then = Instant.now().minus(by);
        Rows.execute("update sync_run set started_at = ?1, ended_at = ?1 where connection_id = ?2", then, connectionId);
        // The summary the pages read was written at the same moment as the runs.
        Rows.execute(
                "update connection_summary set first_synced_at = ?1, last_synced_at = ?1, last_attempt_at = ?1"
                        + " where connection_id = ?2",
                then,
                connectionId);
    }

    private static Connection connection(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Connection.findById(id));
    }
}
