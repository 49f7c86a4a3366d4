package io.connectionportal.packaged;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The PostgreSQL database the packaged tests of the PostgreSQL pass run on ({@code PORTAL_IT_POSTGRESQL_URL}, emptied
 * by each test), read directly by the test, never through the portal: what a test asserts is what was committed.
 */
final class PortalDatabase {

    final String url;
    final String user;
    final String password;

    private PortalDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The database of the PostgreSQL pass; skips the test outside it (a jar built for H2, or no database named). */
    static PortalDatabase ofThePostgresqlPass() {
        String url = System.getProperty("portal.it.postgresql-url", "");
        assumeTrue(
                System.getProperty("portal.packaged-jar") != null
                        && url.startsWith("jdbc:postgresql:")
                        && "postgresql".equals(System.getProperty("portal.it.db-kind")),
                "Runs on a jar built with -Ppostgresql and PORTAL_IT_POSTGRESQL_URL set (README, Run several instances)");
        return new PortalDatabase(
                url,
                System.getProperty("portal.it.postgresql-user", "portal"),
                System.getProperty("portal.it.postgresql-password", "portal"));
    }

    /** The settings that point a packaged portal at {@code jdbcUrl} with this database's credentials. */
    Map<String, String> settings(String jdbcUrl) {
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl,
                "QUARKUS_DATASOURCE_USERNAME", user,
                "QUARKUS_DATASOURCE_PASSWORD", password);
    }

    /** Where the server listens, from {@code jdbc:postgresql://host:port/name}. */
    URI server() {
        URI server = URI.create(url.substring("jdbc:".length()));
        return server.getPort() > 0
                ? server
                : URI.create("postgresql://" + server.getHost() + ":5432" + server.getPath());
    }

    /** The URL with another port, for a portal that reaches the server through a link the test controls. */
    String through(int port) {
        URI server = server();
        String query = url.contains("?") ? url.substring(url.indexOf('?')) : "";
        return "jdbc:postgresql://" + server.getHost() + ":" + port + server.getPath() + query;
    }

    /** Emptied, so the portal migrates it from scratch. */
    void empty() throws SQLException {
        try (Connection db = DriverManager.getConnection(url, user, password);
                Statement statement = db.createStatement()) {
            statement.execute("drop schema public cascade");
            statement.execute("create schema public");
        }
    }

    int number(String sql, Object... parameters) {
        return text(sql, parameters).map(Integer::parseInt).orElse(0);
    }

    /** The first column of the first row, empty when there is no row or it is null. */
    java.util.Optional<String> text(String sql, Object... parameters) {
        try (Connection db = DriverManager.getConnection(url, user, password);
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? java.util.Optional.ofNullable(rows.getString(1)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new AssertionError("Cannot read the database: " + e.getMessage(), e);
        }
    }

    int runs(long connection) {
        return number("select count(*) from sync_run where connection_id = ?", connection);
    }

    boolean active(long connection) {
        return number(
                        "select count(*) from sync_job where connection_id = ? and status in ('QUEUED', 'RUNNING')",
                        connection)
                > 0;
    }

    int stuckJobs() {
        return number("select count(*) from sync_job where status in ('QUEUED', 'RUNNING')");
    }

    static void awaitThat(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 90 s: " + what);
            }
            Thread.sleep(100);
        }
    }
}
