package io.connectionportal.connect;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A secret the portal makes once for every instance, stored encrypted with the token key. */
@Entity
@Table(name = "portal_secret")
class PortalSecret extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false, length = 60)
    public String name;

    @Column(name = "value_encrypted", nullable = false, length = 1000)
    public String valueEncrypted;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
