package io.connectionportal.connect;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One account a grant covers, offered to the business until it picks one (several Xero organisations). */
@Entity
@Table(name = "provider_account_choice")
class ProviderAccountChoice extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "connection_id", nullable = false)
    long connectionId;

    @Column(name = "company_id", nullable = false)
    long companyId;

    @Column(name = "account_id", nullable = false)
    String accountId;

    @Column(name = "account_name", nullable = false)
    String accountName;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    /** The choices of one of the company's connections, by name. */
    static List<ProviderAccountChoice> of(long companyId, long connectionId) {
        return list("companyId = ?1 and connectionId = ?2 order by accountName, id", companyId, connectionId);
    }
}
