package io.connectionportal.sync;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import io.connectionportal.platforms.DataType;

/** How many records of one type a connection holds now, kept when a sync stores them rather than counted per view. */
@Entity
@Table(name = "connection_record_count")
@IdClass(RecordCount.Key.class)
class RecordCount extends PanacheEntityBase {

    @Id
    @Column(name = "connection_id")
    long connectionId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "data_type")
    DataType dataType;

    @Column(name = "company_id", nullable = false, updatable = false)
    long companyId;

    @Column(nullable = false)
    int records;

    static class Key implements Serializable {
        long connectionId;
        DataType dataType;

        Key() {}

        Key(long connectionId, DataType dataType) {
            this.connectionId = connectionId;
            this.dataType = dataType;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.connectionId == connectionId && key.dataType == dataType;
        }

        @Override
        public int hashCode() {
            return Objects.hash(connectionId, dataType);
        }
    }
}
