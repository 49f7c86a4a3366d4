package io.connectionportal.uploads;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The bytes of one upload, in their own table so that listing uploads never loads them. A plain {@code byte[]} maps
 * to {@code bytea} on PostgreSQL and BINARY VARYING on H2; {@code @Lob} would make it a PostgreSQL large object.
 */
@Entity
@Table(name = "upload_bytes")
class UploadBytes extends PanacheEntityBase {

    @Id
    @Column(name = "upload_id")
    public Long uploadId;

    @Column(nullable = false, updatable = false)
    public byte[] bytes;

    static UploadBytes of(long uploadId, byte[] bytes) {
        UploadBytes row = new UploadBytes();
        row.uploadId = uploadId;
        row.bytes = bytes;
        return row;
    }
}
