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
}
