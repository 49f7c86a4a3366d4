package io.connectionportal.packaged;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two packaged portals on one PostgreSQL, behind a round-robin balancer without sticky sessions (issue 12, point 6):
 * a business signs up and connects through the sandbox with every request going to the other instance than the one
 * before; a refresh is clicked while the other instance restarts; each instance reads the tokens the other stored;
 * a file uploaded on one downloads from the other. Runs in the PostgreSQL pass of {@code .ci/run} (a jar built with
 * {@code -Ppostgresql} and {@code PORTAL_IT_POSTGRESQL_URL} naming a database the test may empty); skipped otherwise.
 */
class TwoInstancesIT {

    private static final String PLATFORM = "xero";
    /** What the sandbox's Xero offers to read: one data API call each per sync. */
    private static final int XERO_DATA_TYPES = 5;

    private static final Pattern UPLOAD_LINK = Pattern.compile("href=\"/connect/upload/(\\d+)\"");

    private PortalDatabase db;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void twoInstancesBehindARoundRobinBalancerServeOneBusinessAsOne() throws Exception {
        db = PortalDatabase.ofThePostgresqlPass();
        String jar = System.getProperty("portal.packaged-jar");
        db.empty();

        Path dir = Path.of("target", "two-instances-it").toAbsolutePath();
        Files.createDirectories(dir);
        Map<String, String> shared = db.settings(db.url);
        AtomicReference<PackagedPortal> a = new AtomicReference<>();
        AtomicReference<PackagedPortal> b = new AtomicReference<>();
        List<Path> logs = new ArrayList<>();
        try (RoundRobinBalancer balancer = new RoundRobinBalancer(List.of(
                () -> a.get() == null
                        ? URI.create("http://localhost:1")
                        : a.get().base(),
                () -> b.get() == null
                        ? URI.create("http://localhost:1")
                        : b.get().base()))) {
            URI front = balancer.base();
            Path logA = dir.resolve("instance-a.log");
            Path logB = dir.resolve("instance-b.log");
            logs.addAll(List.of(logA, logB));
            Files.deleteIfExists(logA);
            Files.deleteIfExists(logB);
            // Each instance runs from a directory of its own, as on its own machine: nothing shared but the database.
            Path dirA = Files.createDirectories(dir.resolve("a"));
            Path dirB = Files.createDirectories(dir.resolve("b"));
            a.set(PackagedPortal.start(Path.of(jar), dirA, logA, shared, front));
            b.set(PackagedPortal.start(Path.of(jar), dirB, logB, shared, front));

            // Sign-up and connect, each request on the other instance than the one before.
            FormClient browser = new FormClient(front);
            String email = "two-" + System.nanoTime() + "@example.com";
            SandboxJourney.signUp(browser, email, "Two Instances Ltd");
            long connection = SandboxJourney.connect(browser, PLATFORM);
            PortalDatabase.awaitThat(() -> db.runs(connection) == 1 && !db.active(connection), "the first sync ended");

            // A refresh clicked while the other instance restarts runs once, with one data call per kind of data.
            int callsBefore = dataCalls(balancer);
            String page = "/connections/" + connection;
            HttpResponse<String> refreshed = browser.submit(browser.get(page), page + "/refresh", Map.of());
            assertEquals(303, refreshed.statusCode(), "refresh accepted");
            b.get().close();
            b.set(PackagedPortal.start(Path.of(jar), dirB, logB, shared, front));
            PortalDatabase.awaitThat(() -> db.runs(connection) == 2 && !db.active(connection), "the refresh ended");
            assertEquals(2, db.runs(connection), "one run for the refresh, never two");
            assertEquals(0, db.stuckJobs(), "no job left queued or running");
            assertEquals(
                    XERO_DATA_TYPES,
                    dataCalls(balancer) - callsBefore,
                    "one call to the platform's data API per kind of data: " + balancer.forwarded());

            // Sessions live in the database: the same cookies are signed in on both instances.
            for (PackagedPortal instance : List.of(a.get(), b.get())) {
                String dashboard = FormClient.ok(browser.on(instance.base()).get("/connections"));
                assertTrue(dashboard.contains("/connections/" + connection), "signed in on " + instance.base());
            }

            // Each instance decrypts the tokens the other stored: a refresh clicked on an instance runs there.
            assertSyncsOn(browser, a.get(), logA, connection);
            assertSyncsOn(browser, b.get(), logB, connection);

            // A file uploaded on one instance downloads, byte for byte, from the other.
            byte[] pdf = "%PDF-1.4\n% two instances\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
                    .getBytes(StandardCharsets.US_ASCII);
            FormClient onA = browser.on(a.get().base());
            HttpResponse<String> uploaded = onA.upload(
                    onA.get("/connect/upload"),
                    "/connect/upload",
                    Map.of("note", "accounts 2026"),
                    "file",
                    "accounts.pdf",
                    "application/pdf",
                    pdf);
            assertEquals(303, uploaded.statusCode(), "upload accepted: " + uploaded.body());
            Matcher link = UPLOAD_LINK.matcher(FormClient.ok(onA.get("/connect/upload")));
            assertTrue(link.find(), "the upload is listed");
            HttpResponse<byte[]> download = browser.on(b.get().base()).download("/connect/upload/" + link.group(1));
            assertEquals(200, download.statusCode(), "the other instance has the file");
            assertArrayEquals(pdf, download.body());
        } catch (Throwable failure) {
            for (Path log : logs) {
                System.out.println("----- " + log + " (last 150 lines) -----");
                System.out.println(PackagedPortal.tail(log, 150));
            }
            throw failure;
        } finally {
            for (PackagedPortal instance : new PackagedPortal[] {a.get(), b.get()}) {
                if (instance != null) {
                    instance.close();
                }
            }
        }
    }

    /**
     * Refreshes on one instance until that instance's log shows a sync of the connection it ran (any sync counts:
     * the tokens were stored once, by whichever instance answered the callback). The click wakes the instance's own
     * worker, but another instance's poll may take the job first, so a few clicks may be needed.
     */
    private void assertSyncsOn(FormClient browser, PackagedPortal instance, Path log, long connection)
            throws Exception {
        Pattern marker = Pattern.compile("Sync of connection " + connection + " \\(\\w+\\) succeeded");
        for (int click = 0; click < 10 && !logShows(log, marker); click++) {
            int before = db.runs(connection);
            FormClient direct = browser.on(instance.base());
            String page = "/connections/" + connection;
            direct.submit(direct.get(page), page + "/refresh", Map.of());
            PortalDatabase.awaitThat(
                    () -> db.runs(connection) == before + 1 && !db.active(connection), "a refresh ended");
        }
        assertTrue(logShows(log, marker), "a sync ran on " + instance.base() + " with the tokens the other stored");
    }

    private static boolean logShows(Path log, Pattern line) {
        try {
            return line.matcher(Files.readString(log)).find();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static int dataCalls(RoundRobinBalancer balancer) {
        return (int) balancer.forwarded().stream()
                .filter(path -> path.startsWith("/sandbox/" + PLATFORM + "/api/"))
                .count();
    }
}
