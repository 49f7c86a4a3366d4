package io.connectionportal.consent;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A company's acceptance of the mutual NDA (P9), kept like a consent: append-only, with its version. */
@Entity
@Immutable
@Table(name = "nda_acceptance")
public class NdaAcceptance extends Agreement {

    @Column(name = "nda_version", nullable = false, updatable = false)
    public String ndaVersion;

    @Column(name = "accepted_at", nullable = false, updatable = false)
    public Instant acceptedAt;

    @Override
    public Instant at() {
        return acceptedAt;
    }
}
