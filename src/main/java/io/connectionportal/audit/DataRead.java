package io.connectionportal.audit;

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
import org.hibernate.annotations.Immutable;

import io.connectionportal.platforms.DataType;

/**
 * One read of a company's synced data by someone other than the company: an integrator's program through the API or a
 * member of the lender's staff in the back office. Append-only, written only through {@link DataReads}.
 */
@Entity
@Immutable
@Table(name = "data_read")
public class DataRead extends PanacheEntityBase {

    /** Who read: a program holding an API key, or a person of the lender's staff. */
    public enum ReaderKind {
        API_KEY,
        STAFF
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    public long companyId;

    @Column(name = "connection_id", nullable = false, updatable = false)
    public long connectionId;

    @Column(name = "platform_key", nullable = false, updatable = false)
    public String platformKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "data_type", nullable = false, updatable = false)
    public DataType dataType;

    @Enumerated(EnumType.STRING)
    @Column(name = "reader_kind", nullable = false, updatable = false)
    public ReaderKind readerKind;

    /** The API key's name, or the staff member's e-mail. */
    @Column(name = "reader_name", nullable = false, updatable = false)
    public String readerName;

    @Column(name = "read_at", nullable = false, updatable = false)
    public Instant readAt;

    public boolean byStaff() {
        return readerKind == ReaderKind.STAFF;
    }
}
