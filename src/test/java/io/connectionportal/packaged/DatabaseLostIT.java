package io.connectionportal.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The packaged portal loses its PostgreSQL (issue 12, "bad input and faults"), through a link the test cuts as a
 * network failure or a database restart would: a form posted while the database goes away mid-transaction gets the
 * portal's "briefly unavailable" page and leaves nothing half-written; a sync whose database goes away as it ends is
 * recorded as failed once the database is back, never left running nor run again; and the portal serves as before
 * once it is back, without a restart. Runs in the PostgreSQL pass of {@code .ci/run}; skipped otherwise.
 */
class DatabaseLostIT {

    private static final String PLATFORM = "xero";
    /** What the sandbox's Xero offers to read: one data API call each per sync. */
    private static final int XERO_DATA_TYPES = 5;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void aLostDatabaseCostsOneFailedRequestOrOneFailedSyncAndNothingHalfWritten() throws Exception {
        PortalDatabase db = PortalDatabase.ofThePostgresqlPass();
        db.empty();
        Path dir = Files.createDirectories(Path.of("target", "database-lost-it").toAbsolutePath());
        Path log = dir.resolve("portal.log");
        Files.deleteIfExists(log);
        AtomicReference<PackagedPortal> portal = new AtomicReference<>();
        URI server = db.server();
        try (CuttableLink link = new CuttableLink(server.getHost(), server.getPort());
                RoundRobinBalancer front = new RoundRobinBalancer(List.of(() -> portal.get() == null
                        ? URI.create("http://localhost:1")
                        : portal.get().base()))) {
            portal.set(PackagedPortal.start(
                    Path.of(System.getProperty("portal.packaged-jar")),
                    Files.createDirectories(dir.resolve("instance")),
                    log,
                    db.settings(db.through(link.port())),
                    front.base()));
            FormClient business = new FormClient(front.base());
            SandboxJourney.signUp(business, "lost-" + System.nanoTime() + "@example.com", "Lost Database Ltd");
            long connection = SandboxJourney.connect(business, PLATFORM);
            PortalDatabase.awaitThat(() -> db.runs(connection) == 1 && !db.active(connection), "the first sync ended");

            // A sign-up whose database goes away after its company row was sent, before the commit.
            FormClient newcomer = new FormClient(front.base());
            String email = "half-" + System.nanoTime() + "@example.com";
            HttpResponse<String> form = newcomer.get("/signup");
            link.cutAfter("insert into company (");
            HttpResponse<String> lost = newcomer.submit(
                    form,
                    "/signup",
                    Map.of("email", email, "password", SandboxJourney.PASSWORD, "companyName", "Half Written Ltd"));
            link.restore();
            assertTrue(link.statementSeen(), "the database went away inside the sign-up's transaction");
            assertEquals(503, lost.statusCode(), lost.body());
            assertTrue(lost.body().contains("The portal is briefly unavailable"), lost.body());
            assertFalse(lost.body().contains("Exception"), "no stack trace or exception name shown: " + lost.body());
            assertEquals(0, db.number("select count(*) from company where name = 'Half Written Ltd'"), "no company");
            assertEquals(0, db.number("select count(*) from app_user where email = ?", email), "no user");
            // Sent again once the database is back, the same sign-up goes through, once.
            SandboxJourney.signUp(newcomer, email, "Half Written Ltd");
            assertEquals(1, db.number("select count(*) from company where name = 'Half Written Ltd'"));

            // A signed-in page while the database is away: the same page, from the session lookup on.
            link.cut();
            HttpResponse<String> away = business.get("/connections");
            link.restore();
            assertEquals(503, away.statusCode(), away.body());
            assertTrue(away.body().contains("Nothing you sent was saved"), away.body());
            assertEquals("30", away.headers().firstValue("Retry-After").orElse(""));

            // A refresh whose database goes away once the platform's data has been read, before it is stored.
            AtomicInteger dataCalls = new AtomicInteger();
            AtomicBoolean cutAtTheLastRead = new AtomicBoolean(true);
            front.beforeAnswering(path -> {
                if (path.startsWith("/sandbox/" + PLATFORM + "/api/")
                        && dataCalls.incrementAndGet() == XERO_DATA_TYPES
                        && cutAtTheLastRead.getAndSet(false)) {
                    link.cut();
                }
            });
            String page = "/connections/" + connection;
            assertEquals(
                    303,
                    business.submit(business.get(page), page + "/refresh", Map.of())
                            .statusCode());
            PortalDatabase.awaitThat(
                    () -> PackagedPortal.tail(log, 200)
                            .contains("Could not record the end of the sync of connection " + connection),
                    "the worker found the database gone");
            assertTrue(db.active(connection), "until the database is back, the job is still the worker's");
            link.restore();
            PortalDatabase.awaitThat(
                    () -> db.runs(connection) == 2 && !db.active(connection), "the lost sync recorded");
            assertEquals(
                    "FAILED",
                    db.text("select outcome from sync_run where connection_id = ? order by id desc limit 1", connection)
                            .orElseThrow());
            assertTrue(
                    db.text(
                                    "select error_message from sync_run where connection_id = ? order by id desc limit 1",
                                    connection)
                            .orElseThrow()
                            .contains("lost its database"),
                    "the history says why");
            assertEquals(0, db.stuckJobs(), "no job left queued or running");
            assertEquals(XERO_DATA_TYPES, dataCalls.get(), "the lost sync was not run again behind the user's back");

            // Back to normal without a restart: the dashboard answers and the next refresh stores its data.
            assertTrue(FormClient.ok(business.get("/connections")).contains(page));
            assertEquals(
                    303,
                    business.submit(business.get(page), page + "/refresh", Map.of())
                            .statusCode());
            PortalDatabase.awaitThat(
                    () -> db.runs(connection) == 3 && !db.active(connection), "the next refresh ended");
            assertEquals(
                    "SUCCESS",
                    db.text("select outcome from sync_run where connection_id = ? order by id desc limit 1", connection)
                            .orElseThrow());
            assertEquals(2 * XERO_DATA_TYPES, dataCalls.get(), "one call per kind of data");
        } catch (Throwable failure) {
            System.out.println("----- " + log + " (last 200 lines) -----");
            System.out.println(PackagedPortal.tail(log, 200));
            throw failure;
        } finally {
            if (portal.get() != null) {
                portal.get().close();
            }
        }
    }
}
