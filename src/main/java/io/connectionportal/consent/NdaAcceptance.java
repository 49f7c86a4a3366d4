package io.connectionportal.consent;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A company's acceptance of the mutual NDA (P9), kept like a consent: append-only, with its version. */
@Entity
@Immutable
@Table(name = "nda_acceptance")
public class NdaAcceptance extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    public long companyId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public long userId;

    @Column(name = "nda_version", nullable = false, updatable = false)
    public String ndaVersion;

    @Column(name = "accepted_at", nullable = false, updatable = false)
    public Instant acceptedAt;

    @Column(name = "ip_address", nullable = false, updatable = false)
    public String ipAddress;

    @Column(name = "user_agent", nullable = false, updatable = false)
    public String userAgent;
}
