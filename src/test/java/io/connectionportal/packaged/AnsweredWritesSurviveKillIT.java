package io.connectionportal.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the portal answered is on disk (issue 9, point 4): the packaged portal, on its default embedded H2
 * file database, is killed with SIGKILL the moment an answer is in, round after round, each time
 * restarted on the same files. Every round signs up a business and connects its accounting platform through
 * the sandbox; odd rounds are killed right after the callback's answer ("connected"), even rounds right after
 * the answer to one more sign-up. After a last restart, every account signs in and every connection is on
 * its dashboard, connected. Runs in the integration-test phase (maven-failsafe-plugin) against
 * {@code target/quarkus-app/quarkus-run.jar}; the files and logs stay under {@code target/answered-writes-it}.
 */
class AnsweredWritesSurviveKillIT {

    private static final int ROUNDS = 4;
    private static final String PLATFORM = "xero";
    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CONNECTED = Pattern.compile("^/connect/connected/(\\d+)$");

    /** An account answered as signed up; {@code connectionId} is the connection answered as connected, or 0. */
    private record Account(String email, long connectionId) {}

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void whatWasAnsweredBeforeAKillIsThereAfterTheRestart() throws Exception {
        String jarProperty = System.getProperty("portal.packaged-jar");
        assumeTrue(
                jarProperty != null,
                "Runs against the packaged jar in the integration-test phase: ./mvnw verify (see README, Test it)");
        assumeTrue(
                "h2".equals(System.getProperty("portal.it.db-kind", "h2")),
                "The embedded database's durability; a jar built for PostgreSQL is tested by TwoInstancesIT");
        Path jar = Path.of(jarProperty);
        Path dir = Path.of("target", "answered-writes-it").toAbsolutePath();
        deleteRecursively(dir);
        Files.createDirectories(dir);

        List<Account> accounts = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        PackagedPortal portal = null;
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                Path log = dir.resolve("portal-" + round + ".log");
                logs.add(log);
                portal = PackagedPortal.start(jar, dir, log);
                FormClient browser = new FormClient(portal.base());
                String email = "kill-" + round + "-" + System.nanoTime() + "@example.com";
                assertSignedUp(signUp(browser, email, "Kill Round " + round), email);
                HttpResponse<String> callback = connect(browser);
                HttpResponse<String> lastAnswer = callback;
                String other = null;
                if (round % 2 == 0) {
                    other = "kill-" + round + "-other-" + System.nanoTime() + "@example.com";
                    lastAnswer = signUp(new FormClient(portal.base()), other, "Kill Round " + round + " Other");
                }
                // The answer is in: kill at once, before anything else can happen, and only then look at it.
                long answered = System.nanoTime();
                long killedAfterMicros = (portal.kill() - answered) / 1_000;
                portal = null;
                accounts.add(new Account(email, connectionId(callback)));
                if (other != null) {
                    assertSignedUp(lastAnswer, other);
                    accounts.add(new Account(other, 0));
                }
                System.out.printf(
                        "Round %d: SIGKILL %d µs after the answer to %s%n",
                        round,
                        killedAfterMicros,
                        other == null ? "the callback of " + email : "the sign-up of " + other);
            }
            Path log = dir.resolve("portal-restart.log");
            logs.add(log);
            portal = PackagedPortal.start(jar, dir, log);
            for (Account account : accounts) {
                assertSignsInAndIsConnected(portal, account);
            }
        } catch (Throwable failure) {
            for (Path log : logs) {
                System.out.println("----- " + log + " (last 200 lines) -----");
                System.out.println(PackagedPortal.tail(log, 200));
            }
            throw failure;
        } finally {
            if (portal != null) {
                portal.close();
            }
        }
    }

    /** The sign-up form, filled in and sent; returns the answer. */
    private static HttpResponse<String> signUp(FormClient browser, String email, String company) throws Exception {
        HttpResponse<String> form = browser.get("/signup");
        return browser.submit(form, "/signup", Map.of("email", email, "password", PASSWORD, "companyName", company));
    }

    /** A sign-up is answered with a 303 to the connect step. */
    private static void assertSignedUp(HttpResponse<String> answer, String email) {
        assertEquals("/connect", pathOf(FormClient.seeOther(answer)), "the answer to the sign-up of " + email);
    }

    /** The id in the callback's answer, {@code /connect/connected/{id}}. */
    private static long connectionId(HttpResponse<String> callback) {
        String location = FormClient.seeOther(callback);
        Matcher id = CONNECTED.matcher(pathOf(location));
        assertTrue(id.find(), "The callback did not say connected: " + location);
        return Long.parseLong(id.group(1));
    }

    /**
     * The sandbox journey: the platform page with its consent, the sandbox's sign-in and consent screen
     * (served by the portal itself), Allow, and the callback. Returns the callback's answer.
     */
    private static HttpResponse<String> connect(FormClient browser) throws Exception {
        String platformPage = "/connect/platforms/" + PLATFORM;
        HttpResponse<String> platform = browser.get(platformPage);
        String authorize = FormClient.seeOther(browser.submit(platform, platformPage, Map.of("agree", "yes")));
        assertTrue(
                pathOf(authorize).equals("/sandbox/" + PLATFORM + "/oauth/authorize"),
                "Not sent to the sandbox: " + authorize);
        HttpResponse<String> consent = browser.get(authorize);
        String callback = FormClient.seeOther(browser.submit(
                consent,
                "/sandbox/" + PLATFORM + "/oauth/authorize",
                Map.of("email", "demo@sandbox.example", "password", "any password", "decision", "allow")));
        assertEquals("/connect/callback", pathOf(callback), "the sandbox's redirect");
        return browser.get(callback);
    }

    /** Signs in with the account's password and, if it connected, finds the connection on the dashboard, connected. */
    private static void assertSignsInAndIsConnected(PackagedPortal portal, Account account) throws Exception {
        FormClient browser = new FormClient(portal.base());
        HttpResponse<String> login = browser.get("/login");
        HttpResponse<String> answer =
                browser.submit(login, "/login", Map.of("email", account.email(), "password", PASSWORD));
        assertEquals(
                303,
                answer.statusCode(),
                account.email() + " was answered as signed up before a kill, but cannot sign in after it");
        if (account.connectionId() == 0) {
            return;
        }
        String dashboard = FormClient.ok(browser.get("/connections"));
        assertTrue(
                dashboard.contains("href=\"/connections/" + account.connectionId() + "\""),
                "Connection " + account.connectionId() + " of " + account.email()
                        + " was answered as connected before a kill, but is not on the dashboard after it");
        assertTrue(
                dashboard.contains("<span class=\"badge badge-ok\">")
                        && !dashboard.contains("<span class=\"badge badge-pending\">"),
                "Connection " + account.connectionId() + " of " + account.email()
                        + " was answered as connected before a kill, but is not connected after it");
    }

    private static String pathOf(String location) {
        return URI.create(location).getPath();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
