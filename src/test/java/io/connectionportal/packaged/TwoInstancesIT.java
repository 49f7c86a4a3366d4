package io.connectionportal.packaged;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
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

    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CONNECTED = Pattern.compile("/connect/connected/(\\d+)");
    private static final Pattern UPLOAD_LINK = Pattern.compile("href=\"/connect/upload/(\\d+)\"");

    private String url;
    private String user;
    private String password;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void twoInstancesBehindARoundRobinBalancerServeOneBusinessAsOne() throws Exception {
        String jar = System.getProperty("portal.packaged-jar");
        url = System.getProperty("portal.it.postgresql-url", "");
        user = System.getProperty("portal.it.postgresql-user", "portal");
        password = System.getProperty("portal.it.postgresql-password", "portal");
        assumeTrue(
                jar != null
                        && url.startsWith("jdbc:postgresql:")
                        && "postgresql".equals(System.getProperty("portal.it.db-kind")),
                "Runs on a jar built with -Ppostgresql and PORTAL_IT_POSTGRESQL_URL set (README, Run several instances)");
        emptyTheDatabase();

        Path dir = Path.of("target", "two-instances-it").toAbsolutePath();
        Files.createDirectories(dir);
        Map<String, String> shared = Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", url,
                "QUARKUS_DATASOURCE_USERNAME", user,
                "QUARKUS_DATASOURCE_PASSWORD", password);
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
            HttpResponse<String> signUpForm = browser.get("/signup");
            HttpResponse<String> signedUp = browser.submit(
                    signUpForm,
                    "/signup",
                    Map.of("email", email, "password", PASSWORD, "companyName", "Two Instances Ltd"));
            assertEquals("/connect", URI.create(FormClient.seeOther(signedUp)).getPath(), "signed up");
            long connection = connect(browser);
            awaitThat(() -> runs(connection) == 1 && !active(connection), "the first sync ended");

            // A refresh clicked while the other instance restarts runs once, with one data call per kind of data.
            int callsBefore = dataCalls(balancer);
            String page = "/connections/" + connection;
            HttpResponse<String> refreshed = browser.submit(browser.get(page), page + "/refresh", Map.of());
            assertEquals(303, refreshed.statusCode(), "refresh accepted");
            b.get().close();
            b.set(PackagedPortal.start(Path.of(jar), dirB, logB, shared, front));
            awaitThat(() -> runs(connection) == 2 && !active(connection), "the refresh ended");
            assertEquals(2, runs(connection), "one run for the refresh, never two");
            assertEquals(0, stuckJobs(), "no job left queued or running");
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

    /** The sandbox journey through the balancer; returns the new connection's id. */
    private static long connect(FormClient browser) throws Exception {
        String platformPage = "/connect/platforms/" + PLATFORM;
        String authorize =
                FormClient.seeOther(browser.submit(browser.get(platformPage), platformPage, Map.of("agree", "yes")));
        HttpResponse<String> consent = browser.get(authorize);
        String callback = FormClient.seeOther(browser.submit(
                consent,
                "/sandbox/" + PLATFORM + "/oauth/authorize",
                Map.of("email", "demo@sandbox.example", "password", "any password", "decision", "allow")));
        Matcher id = CONNECTED.matcher(FormClient.seeOther(browser.get(callback)));
        assertTrue(id.find(), "connected");
        return Long.parseLong(id.group(1));
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
            int before = runs(connection);
            FormClient direct = browser.on(instance.base());
            String page = "/connections/" + connection;
            direct.submit(direct.get(page), page + "/refresh", Map.of());
            awaitThat(() -> runs(connection) == before + 1 && !active(connection), "a refresh ended");
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

    private int runs(long connection) {
        return number("select count(*) from sync_run where connection_id = ?", connection);
    }

    private boolean active(long connection) {
        return number(
                        "select count(*) from sync_job where connection_id = ? and status in ('QUEUED', 'RUNNING')",
                        connection)
                > 0;
    }

    private int stuckJobs() {
        return number("select count(*) from sync_job where status in ('QUEUED', 'RUNNING')");
    }

    private int number(String sql, Object... parameters) {
        try (Connection db = DriverManager.getConnection(url, user, password);
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new AssertionError("Cannot read the database: " + e.getMessage(), e);
        }
    }

    /** The database is the test's own: emptied so both instances migrate it from scratch, at once. */
    private void emptyTheDatabase() throws SQLException {
        try (Connection db = DriverManager.getConnection(url, user, password);
                Statement statement = db.createStatement()) {
            statement.execute("drop schema public cascade");
            statement.execute("create schema public");
        }
    }

    private static void awaitThat(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 90 s: " + what);
            }
            Thread.sleep(100);
        }
    }
}
