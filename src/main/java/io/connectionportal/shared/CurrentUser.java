package io.connectionportal.shared;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateData;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is signed in. Every query about a company's data takes {@link #companyId()} from here, never
 * from the request. Templates read it as {@code inject:viewer}.
 */
@RequestScoped
@Named("viewer")
@TemplateData
public class CurrentUser {

    private final SecurityIdentity identity;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean signedIn() {
        return !identity.isAnonymous() && identity.getAttribute(SessionIdentityProvider.USER_ID) != null;
    }

    public long userId() {
        return required(SessionIdentityProvider.USER_ID);
    }

    public long companyId() {
        return required(SessionIdentityProvider.COMPANY_ID);
    }

    public String companyName() {
        return signedIn() ? identity.getAttribute(SessionIdentityProvider.COMPANY_NAME) : "";
    }

    /** The company's time zone as stored, or empty when no one is signed in or it was never set. */
    public Optional<String> companyTimeZone() {
        return signedIn()
                ? Optional.ofNullable(identity.getAttribute(SessionIdentityProvider.COMPANY_TIME_ZONE))
                : Optional.empty();
    }

    /** The company's country as its profile gives it, or empty when no one is signed in or it was never set. */
    public Optional<String> companyCountry() {
        return signedIn()
                ? Optional.ofNullable(identity.getAttribute(SessionIdentityProvider.COMPANY_COUNTRY))
                : Optional.empty();
    }

    public String email() {
        return signedIn() ? identity.getPrincipal().getName() : "";
    }

    /** A business signed in by a hosted link that has not set an e-mail and password yet. */
    public boolean throughHostedLink() {
        return signedIn()
                && User.HOSTED_LINK_ACTOR.equals(identity.getPrincipal().getName());
    }

    /** When the password was last asked again in this session, if it was. */
    public Optional<Instant> reauthenticatedAt() {
        return signedIn()
                ? Optional.ofNullable(identity.getAttribute(SessionIdentityProvider.REAUTHENTICATED_AT))
                : Optional.empty();
    }

    public boolean admin() {
        return signedIn() && identity.hasRole(User.ADMIN);
    }

    private long required(String attribute) {
        Long value = identity.getAttribute(attribute);
        if (value == null) {
            throw new IllegalStateException("No signed-in user; the resource must be @Authenticated");
        }
        return value;
    }
}
