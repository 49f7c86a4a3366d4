package io.connectionportal.uploads;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import io.connectionportal.platforms.Category;
import io.connectionportal.shared.User;

/** A company asking for a platform the catalog does not offer (S5), so the integrator knows what to add next. */
@Entity
@Table(name = "integration_request")
public class IntegrationRequest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    public long companyId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    public User requestedBy;

    @Column(name = "platform_name", nullable = false, length = IntegrationRequestForm.NAME_MAX)
    public String platformName;

    @Column(length = IntegrationRequestForm.WEBSITE_MAX)
    public String website;

    /** Category key, or null when not given. */
    @Column(length = 20)
    public String category;

    @Column(length = IntegrationRequestForm.NOTE_MAX)
    public String note;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public Optional<Category> categoryValue() {
        return Category.fromKey(category);
    }
}
