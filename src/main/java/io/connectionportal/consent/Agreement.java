package io.connectionportal.consent;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import io.connectionportal.shared.ClientInfo;
import io.connectionportal.shared.CurrentUser;

/** What every recorded agreement keeps: who agreed for which company, when, and from where. */
@MappedSuperclass
public abstract class Agreement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    public long companyId;

    /** Null once the company was deleted: the record stays as proof without naming anyone. */
    @Column(name = "user_id", updatable = false)
    public Long userId;

    @Column(name = "ip_address", updatable = false)
    public String ipAddress;

    @Column(name = "user_agent", updatable = false)
    public String userAgent;

    void signedBy(CurrentUser user, ClientInfo client) {
        companyId = user.companyId();
        userId = user.userId();
        ipAddress = client.ipAddress();
        userAgent = client.userAgent();
    }

    /** When the agreement was given. */
    public abstract Instant at();
}
