package io.connectionportal.consent;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.connectionportal.platforms.Category;

/**
 * One consent given (P3) or withdrawn: who, for which company, against which policy version, for which data
 * categories, when, from where, and on which page and control. Append-only: Hibernate never issues an update for it.
 * Giving and withdrawing share this one ledger, so the latest row for a category is the company's answer.
 */
@Entity
@Immutable
@Table(name = "consent_record")
public class ConsentRecord extends Agreement {

    /** Whether a row gives or withdraws consent. Stored by name: never rename a constant. */
    public enum Kind {
        GIVEN,
        WITHDRAWN
    }

    @Column(name = "policy_version", nullable = false, updatable = false)
    public String policyVersion;

    /** Category keys, comma-separated, for example {@code accounting,banking}. */
    @Column(nullable = false, updatable = false)
    public String categories;

    /** When it was given or, for a withdrawal, withdrawn. */
    @Column(name = "given_at", nullable = false, updatable = false)
    public Instant givenAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Kind kind = Kind.GIVEN;

    /** The page and control, as a {@link ConsentSource} code. */
    @Column(name = "source", nullable = false, updatable = false)
    public String sourceCode;

    @Override
    public Instant at() {
        return givenAt;
    }

    public boolean withdrawn() {
        return kind == Kind.WITHDRAWN;
    }

    public ConsentSource source() {
        return ConsentSource.fromCode(sourceCode);
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
