package io.connectionportal.shared;

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
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;

/** A person who signs in; belongs to exactly one company. The password is kept as a bcrypt hash. */
@Entity
@Table(name = "app_user")
@UserDefinition
public class User extends PanacheEntityBase {

    public static final String OWNER = "owner";
    public static final String MEMBER = "member";
    public static final String ADMIN = "admin";

    /** The password scheme of a business that came through a hosted link and has set no password: none to check. */
    public static final String NO_PASSWORD = "none";

    /** Who a business with no e-mail yet is, in sessions and the audit trail; no address can look like it. */
    public static final String HOSTED_LINK_ACTOR = "(hosted link)";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Username
    @Column(unique = true, length = 254)
    public String email;

    @Password
    @Column(name = "password_hash", length = 100)
    public String passwordHash;

    /** How {@link #passwordHash} was made from the password ({@code onboarding.Passwords}). */
    @Column(name = "password_scheme", nullable = false, length = 20)
    public String passwordScheme;

    @Roles
    @Column(nullable = false, length = 20)
    public String role;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "company_id", nullable = false)
    public Company company;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /**
     * The language the user last used the portal in ({@code en}, {@code fr}), for e-mails sent outside a request;
     * null when unknown. See {@link #language()}.
     */
    @Column(length = 2)
    public String language;

    /** The language to write to this user in: their own, else their company's, else English. */
    public Language language() {
        return Language.fromTag(language)
                .or(() -> Language.fromTag(company.language))
                .orElse(Language.EN);
    }

    public static boolean emailTaken(String normalisedEmail) {
        return count("email", normalisedEmail) > 0;
    }
}
