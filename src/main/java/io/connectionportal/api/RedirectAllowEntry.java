package io.connectionportal.api;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A redirect prefix added in the back office ({@link RedirectAllowList}). */
@Entity
@Table(name = "redirect_allow_entry")
class RedirectAllowEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = RedirectAllowList.PREFIX_MAX)
    public String prefix;

    @Column(name = "added_by", nullable = false, length = 254)
    public String addedBy;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;
}
