package io.connectionportal.sync;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import io.connectionportal.platforms.DataType;

/** One finished sync of one connection, as shown in its history. Written once, when the sync ends. */
@Entity
@Table(name = "sync_run")
class SyncRun extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "connection_id", nullable = false, updatable = false)
    long connectionId;

    @Column(name = "company_id", nullable = false, updatable = false)
    long companyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type", nullable = false, updatable = false)
    Trigger trigger;

    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    @Column(name = "ended_at", nullable = false)
    Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    SyncOutcome outcome;

    @Column(name = "error_message", length = 500)
    String errorMessage;

    /** Records fetched per data type; a failed run lists nothing, as nothing was stored. */
    @ElementCollection
    @CollectionTable(name = "sync_run_count", joinColumns = @JoinColumn(name = "run_id"))
    @MapKeyColumn(name = "data_type")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "records", nullable = false)
    Map<DataType, Integer> counts = new LinkedHashMap<>();

    /**
     * When the last successful sync since the connection was (re)linked started: records stored before a reconnect
     * may belong to another account, so an incremental read never builds on them.
     */
    static Optional<Instant> lastSuccessStart(long connectionId, Instant linkedAt) {
        Instant start = getEntityManager()
                .createQuery(
                        "select max(r.startedAt) from SyncRun r where r.connectionId = ?1 and r.outcome = ?2"
                                + " and r.startedAt >= ?3",
                        Instant.class)
                .setParameter(1, connectionId)
                .setParameter(2, SyncOutcome.SUCCESS)
                .setParameter(3, linkedAt == null ? Instant.EPOCH : linkedAt)
                .getSingleResult();
        return Optional.ofNullable(start);
    }
}
