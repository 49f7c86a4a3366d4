package io.connectionportal.consent;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.connectionportal.platforms.Category;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One consent given (P3): who, for which company, against which policy version, for which data
 * categories, when, from where. Append-only: Hibernate never issues an update for it.
 */
@Entity
@Immutable
@Table(name = "consent_record")
public class ConsentRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "company_id", nullable = false, updatable = false)
    public long companyId;

    @Column(name = "user_id", nullable = false, updatable = false)
    public long userId;

    @Column(name = "policy_version", nullable = false, updatable = false)
    public String policyVersion;

    /** Category keys, comma-separated, for example {@code accounting,banking}. */
    @Column(nullable = false, updatable = false)
    public String categories;

    @Column(name = "given_at", nullable = false, updatable = false)
    public Instant givenAt;

    @Column(name = "ip_address", nullable = false, updatable = false)
    public String ipAddress;

    @Column(name = "user_agent", nullable = false, updatable = false)
    public String userAgent;

    public Set<Category> categorySet() {
        Set<Category> set = EnumSet.noneOf(Category.class);
        Arrays.stream(categories.split(",")).map(Category::fromKey).forEach(c -> c.ifPresent(set::add));
        return set;
    }

    static String join(Set<Category> categories) {
        return categories.stream().map(Category::key).sorted().collect(Collectors.joining(","));
    }
}
