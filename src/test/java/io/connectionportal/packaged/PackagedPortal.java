package io.connectionportal.packaged;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged portal ({@code java -jar target/quarkus-app/quarkus-run.jar}) as a child process, run from a
 * directory of the test's own, so that the default {@code jdbc:h2:file:./data/portal} URL, uploads and
 * anything else relative land there: the configuration under test is the one that ships. Only the ports
 * (the public one and the management interface's, both free), the public address and a token key (so that
 * start-up needs no key file) are set, in the environment, in the {@code prod} profile with the mock mailer.
 * Every wait is bounded.
 */
final class PackagedPortal implements AutoCloseable {

    /** A test key, never a secret (the one of the test profile). */
    private static final String TOKEN_KEY = "UY4UO+SHyzE6DtNi6UG20BfA4t501mEPxwi225s3VRQ=";

    /** SIGKILL: how a JVM on Linux reports a child ended by signal 9 (128 + 9). */
    static final int KILLED_BY_SIGKILL = 137;

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(30);

    private final Process process;
    private final URI base;
    private final Path log;
    private final Thread reaper;

    private final URI management;

    private PackagedPortal(Process process, URI base, URI management, Path log) {
        this.process = process;
        this.base = base;
        this.management = management;
        this.log = log;
        // Should the test JVM be stopped, the portal goes with it.
        this.reaper = new Thread(process::destroyForcibly, "stop-packaged-portal");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts the jar from {@code workDir} on a free port, logging to {@code log}, and waits until it is ready. */
    static PackagedPortal start(Path jar, Path workDir, Path log) throws IOException, InterruptedException {
        return start(jar, workDir, log, Map.of(), null);
    }

    /**
     * Starts the jar as one of several instances: {@code settings} are more environment variables (the shared
     * database), and {@code publicBase} the address the instances share behind their load balancer.
     */
    static PackagedPortal start(Path jar, Path workDir, Path log, Map<String, String> settings, URI publicBase)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("No packaged portal at " + jar + ": run ./mvnw verify (it packages first)");
        }
        int port = freePort();
        int managementPort = freePort();
        URI base = URI.create("http://localhost:" + port);
        URI management = URI.create("http://localhost:" + managementPort);
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        // Start-up time only: these change nothing the database does.
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-jar",
                        jar.toAbsolutePath().toString()))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        // Nothing from the machine's environment configures the portal under test.
        env.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("PORTAL_") || k.startsWith("SANDBOX_"));
        env.put("QUARKUS_PROFILE", "prod");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("PORTAL_BASE_URL", publicBase == null ? base.toString() : publicBase.toString());
        env.put("PORTAL_TOKEN_ENCRYPTION_KEY", TOKEN_KEY);
        env.put("QUARKUS_MAILER_MOCK", "true");
        env.putAll(settings);
        PackagedPortal portal = new PackagedPortal(builder.start(), base, management, log);
        try {
            portal.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            portal.close();
            throw e;
        }
        return portal;
    }

    URI base() {
        return base;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Kills the portal with SIGKILL, as {@code kill -9} does: no shutdown hook, no database close, nothing
     * flushed on the way out. Returns, once the process is gone, the {@link System#nanoTime()} at which the
     * signal was sent.
     */
    long kill() throws InterruptedException {
        process.destroyForcibly();
        long sent = System.nanoTime();
        if (!process.waitFor(EXIT_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("The portal was still running " + EXIT_WITHIN + " after SIGKILL");
        }
        if (process.exitValue() != KILLED_BY_SIGKILL) {
            throw new AssertionError(
                    "The portal ended with " + process.exitValue() + ", not by SIGKILL (" + KILLED_BY_SIGKILL + ")");
        }
        forget();
        return sent;
    }

    /** Stops the portal as an operator would (SIGTERM), or kills it if it does not stop in time. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(EXIT_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(EXIT_WITHIN.toSeconds(), TimeUnit.SECONDS);
            }
        }
        forget();
    }

    private void forget() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(management.resolve("/q/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("The portal exited with " + process.exitValue() + " while starting");
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // try again
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The portal was not ready within " + READY_WITHIN);
    }

    /** The last {@code lines} lines of this start's log. */
    String logTail(int lines) {
        return tail(log, lines);
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the portal", e);
        }
    }
}
