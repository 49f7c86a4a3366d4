package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What the packaged portal prints when its database cannot be reached at start-up; no Quarkus needed. */
class PortalMainTest {

    private static RuntimeException startFailure(Throwable cause) {
        return new RuntimeException(
                "Failed to start quarkus", new IllegalStateException("Unable to obtain connection", cause));
    }

    @Test
    void aRefusedConnectionIsOneLineNamingTheUrlAndItsSetting() {
        SQLException refused = new SQLException(
                "Connection to localhost:5499 refused. Check that the hostname and port are correct\nand that the"
                        + " postmaster is accepting TCP/IP connections.",
                "08001",
                new ConnectException("Connection refused"));
        assertEquals(
                Optional.of("Cannot connect to the database at jdbc:postgresql://localhost:5499/portal"
                        + " (quarkus.datasource.jdbc.url, QUARKUS_DATASOURCE_JDBC_URL): Connection to localhost:5499"
                        + " refused. Check that the hostname and port are correct and that the postmaster is accepting"
                        + " TCP/IP connections."),
                PortalMain.unreachableDatabase(startFailure(refused), "jdbc:postgresql://localhost:5499/portal"));
    }

    @Test
    void refusedCredentialsAreNamedTooAndAPasswordInTheUrlIsMasked() {
        SQLException denied = new SQLException("FATAL: password authentication failed for user \"portal\"", "28P01");
        String line = PortalMain.unreachableDatabase(
                        startFailure(denied), "jdbc:postgresql://db:5432/portal?user=portal&password=secret&ssl=true")
                .orElseThrow();
        assertTrue(line.contains("jdbc:postgresql://db:5432/portal?user=portal&password=***&ssl=true"), line);
        assertTrue(line.endsWith("password authentication failed for user \"portal\""), line);
    }

    @Test
    void anyOtherStartFailureIsLeftToQuarkus() {
        assertEquals(
                Optional.empty(),
                PortalMain.unreachableDatabase(
                        startFailure(new IllegalStateException("configure one token key")), "jdbc:h2:mem:x"));
        assertEquals(
                Optional.empty(),
                PortalMain.unreachableDatabase(
                        startFailure(new SQLException("relation does not exist", "42P01")), "jdbc:h2:mem:x"));
    }
}
