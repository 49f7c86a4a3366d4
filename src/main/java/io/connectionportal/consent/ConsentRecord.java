package io.connectionportal.consent;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.connectionportal.platforms.Category;

/**
 * One consent given (P3): who, for which company, against which policy version, for which data
 * categories, when, from where. Append-only: Hibernate never issues an update for it.
 */
@Entity
@Immutable
@Table(name = "consent_record")
public class ConsentRecord extends Agreement {

    @Column(name = "policy_version", nullable = false, updatable = false)
    public String policyVersion;

    /** Category keys, comma-separated, for example {@code accounting,banking}. */
    @Column(nullable = false, updatable = false)
    public String categories;

    @Column(name = "given_at", nullable = false, updatable = false)
    public Instant givenAt;

    @Override
    public Instant at() {
        return givenAt;
    }

    public Set<Category> categorySet() {
        Set<Category> set = EnumSet.noneOf(Category.class);
        Arrays.stream(categories.split(",")).map(Category::fromKey).forEach(c -> c.ifPresent(set::add));
        return set;
    }

    static String join(Set<Category> categories) {
        return categories.stream().map(Category::key).sorted().collect(Collectors.joining(","));
    }
}
