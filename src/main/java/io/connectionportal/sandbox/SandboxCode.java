package io.connectionportal.sandbox;

import java.time.Instant;

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

/** An authorization code, stored as a hash and bound to the redirect URI and PKCE challenge it was issued for. */
@Entity
@Table(name = "sandbox_authorization_code")
class SandboxCode extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "code_hash", nullable = false, unique = true, length = 64, updatable = false)
    String codeHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "grant_id", nullable = false, updatable = false)
    SandboxGrant grant;

    @Column(name = "redirect_uri", nullable = false, updatable = false)
    String redirectUri;

    @Column(name = "code_challenge", nullable = false, updatable = false)
    String codeChallenge;

    @Column(name = "expires_at", nullable = false, updatable = false)
    Instant expiresAt;

    @Column(name = "used_at")
    Instant usedAt;
}
