package io.connectionportal.monitor;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.Immutable;

/**
 * One funnel step that happened. It says what, in which category and platform, and when: nothing
 * about who, so it holds no personal data. Append-only.
 */
@Entity
@Immutable
@Table(name = "funnel_event")
class FunnelEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, updatable = false, length = 40)
    String step;

    /** Category key ({@code banking}), or null where the step has none. */
    @Column(updatable = false, length = 20)
    String category;

    /** Catalog key of the platform ({@code xero}), or null where the step has none. */
    @Column(updatable = false, length = 40)
    String platform;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    Instant occurredAt;
}
