package io.connectionportal.sync;

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

import io.connectionportal.platforms.DataType;

/**
 * One record of a connection's dataset (an invoice, a bank account…), kept as the JSON the provider
 * sent: one generic table rather than one per type, so a new data type or provider needs no migration.
 */
@Entity
@Table(name = "synced_record")
class SyncedRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "connection_id", nullable = false, updatable = false)
    long connectionId;

    @Column(name = "company_id", nullable = false, updatable = false)
    long companyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "data_type", nullable = false, updatable = false)
    DataType dataType;

    @Column(name = "external_id", nullable = false, updatable = false)
    String externalId;

    @Column(nullable = false, length = 1_000_000)
    String payload;

    @Column(name = "synced_at", nullable = false)
    Instant syncedAt;
}
