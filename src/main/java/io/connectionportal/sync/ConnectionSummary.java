package io.connectionportal.sync;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What the dashboard shows of a connection, written when a sync ends in the shape it is shown: a page view reads
 * one row instead of aggregating the sync history and parsing synced JSON.
 */
@Entity
@Table(name = "connection_summary")
class ConnectionSummary extends PanacheEntityBase {

    /** Separates the fields of a bank account line, and the lines, in {@link #bankAccounts}. */
    static final char FIELD = '\t';

    static final char LINE = '\n';

    @Id
    @Column(name = "connection_id")
    Long connectionId;

    @Column(name = "company_id", nullable = false, updatable = false)
    long companyId;

    @Column(name = "first_synced_at")
    Instant firstSyncedAt;

    @Column(name = "last_synced_at")
    Instant lastSyncedAt;

    @Column(name = "last_attempt_at")
    Instant lastAttemptAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_outcome")
    SyncOutcome lastOutcome;

    @Column(name = "last_error", length = 500)
    String lastError;

    @Column(name = "legal_name", length = 300)
    String legalName;

    @Column(name = "base_currency", length = 10)
    String baseCurrency;

    /** Name, masked number and currency of each bank account, {@link #FIELD}- and {@link #LINE}-separated. */
    @Column(name = "bank_accounts", length = 4000)
    String bankAccounts;

    /** Carried over from before this table: the facts above are still to be read from the stored records. */
    @Column(name = "facts_pending", nullable = false)
    boolean factsPending;
}
