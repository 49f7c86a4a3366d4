package io.connectionportal.shared;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The tenant: the business whose users, consents and connections the portal keeps apart from every other. */
@Entity
@Table(name = "company")
public class Company extends PanacheEntityBase {

    public static final int NAME_MAX = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = NAME_MAX)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The integrator's own reference for this business (set through the API), unique when present. */
    @Column(name = "external_ref", length = 100)
    public String externalRef;

    /** ISO 3166-1 alpha-2, when the integrator gave it. */
    @Column(length = 2)
    public String country;

    /** The business's language ({@code en} or {@code fr}), when the integrator gave it. */
    @Column(length = 2)
    public String language;

    /**
     * The IANA zone its people read times in ({@code Europe/Paris}): guessed from its country or language when it is
     * created ({@link TimeZones#guess}), chosen on its company page. Null only for rows older than the column.
     */
    @Column(name = "time_zone", length = 64)
    public String timeZone;

    /** Set when the company was erased: its emptied row stays a while for the tombstones that reference it. */
    @Column(name = "deleted_at")
    public Instant deletedAt;
}
