package io.connectionportal.access;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A notice the business was sent about one connection. The row is the claim: (connection, kind, occasion) is unique,
 * so whoever inserts it first sends the e-mail, and no failed sync, second instance or second run sends it again.
 */
@Entity
@Table(name = "access_notice")
class AccessNotice extends PanacheEntityBase {

    enum Kind {
        /** The connection needs reauthorizing; the occasion is the link it broke (a reconnect starts a new one). */
        BROKEN,
        /** The platform ends the access soon; the occasion is that end. */
        ENDING
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "connection_id", nullable = false, updatable = false)
    long connectionId;

    @Column(name = "company_id", nullable = false, updatable = false)
    long companyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    Kind kind;

    @Column(nullable = false, updatable = false)
    Instant occasion;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
}
