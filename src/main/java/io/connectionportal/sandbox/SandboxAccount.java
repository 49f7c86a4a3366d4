package io.connectionportal.sandbox;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A business known to the sandbox, as a provider knows the organisation behind a sign-in: opened on its first
 * authorization and found again by its subject on every later one, so reconnecting reads the same records.
 */
@Entity
@Table(name = "sandbox_account")
class SandboxAccount extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    /** The client's {@code login_hint}, else the e-mail address typed on the sign-in page. */
    @Column(nullable = false, updatable = false, length = 254)
    String subject;

    /** ISO 3166-1 alpha-2 of the country it was opened in; null when the request named none. */
    @Column(updatable = false, length = 2)
    String country;

    /** Its records count back from this day, so they stay the same whatever day they are read. */
    @Column(name = "opened_at", nullable = false, updatable = false)
    Instant openedAt;

    /** What its data is made from, readable once the transaction that loaded it is over. */
    Facts facts() {
        return new Facts(subject, Optional.ofNullable(country), openedAt);
    }

    record Facts(String subject, Optional<String> country, Instant openedAt) {}
}
