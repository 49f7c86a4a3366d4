package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures get the "briefly unavailable" page (DatabaseLostIT shows the page itself on PostgreSQL). */
class DatabaseUnavailableTest {

    @Test
    void aConnectionFailureAnywhereInTheCausesIsALostDatabase() {
        SQLException refused = new SQLException("Connection refused", "08001");
        assertTrue(DatabaseUnavailable.databaseLost(new PersistenceException("wrapped", refused)));
        assertTrue(DatabaseUnavailable.databaseLost(
                new RuntimeException(new JDBCConnectionException("I/O error", new SQLException("EOF")))));
        assertTrue(DatabaseUnavailable.databaseLost(new java.sql.SQLTransientConnectionException("pool")));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseUnavailable.databaseLost(new IllegalStateException("a bug")));
        assertFalse(DatabaseUnavailable.databaseLost(new ConstraintViolationException(
                "duplicate", new SQLException("duplicate key", "23505"), "uk_company")));
        assertFalse(DatabaseUnavailable.databaseLost(new PersistenceException(new SQLException("syntax", "42601"))));
    }
}
