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

/**
 * A sync waiting in the database or running: QUEUED, then RUNNING once a worker claimed it (with a lease), then
 * DONE.
 * Being a row rather than a task in memory, it survives a restart. State changes are conditional bulk
 * updates in {@link SyncJobs}, never changes to a managed instance, so two workers cannot both win.
 */
@Entity
@Table(name = "sync_job")
class SyncJob extends PanacheEntityBase {

    enum Status {
        QUEUED,
        RUNNING,
        DONE
    }

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Status status;

    /** The connection's id while QUEUED or RUNNING, null once DONE: unique, so one active job per connection. */
    @Column(name = "active_connection_id")
    Long activeConnectionId;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "started_at")
    Instant startedAt;

    @Column(name = "finished_at")
    Instant finishedAt;

    /** How many times a worker claimed it; a job that keeps dying with its process is given up. */
    @Column(nullable = false)
    int attempts;

    /** The instance holding it while RUNNING. */
    @Column(name = "claimed_by")
    String claimedBy;

    /** While RUNNING, until when its instance holds it; renewed while the sync runs, taken over once it has passed. */
    @Column(name = "lease_until")
    Instant leaseUntil;
}
