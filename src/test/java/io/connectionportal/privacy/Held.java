package io.connectionportal.privacy;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionTokens;
import io.connectionportal.testing.Rows;

/** What the portal holds for a company or a connection, read the way the application reads it (tokens decrypted). */
final class Held {

    private Held() {}

    static String accessToken(long connectionId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Arc.container()
                        .instance(ConnectionTokens.class)
                        .get()
                        .accessToken(Connection.findById(connectionId))
                        .orElse(null));
    }

    static String status(long connectionId) {
        return (String) Rows.single("select status from connection where id = ?1", connectionId);
    }

    static long companyOf(String email) {
        return ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
    }

    static long userOf(String email) {
        return ((Number) Rows.single("select id from app_user where email = ?1", email)).longValue();
    }
}
