package io.connectionportal.shared;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns a session cookie into an identity carrying the user's and company's ids; unknown or expired sessions stay anonymous. */
@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<SessionTokenRequest> {

    static final String USER_ID = "userId";
    static final String COMPANY_ID = "companyId";
    static final String COMPANY_NAME = "companyName";
    static final String COMPANY_TIME_ZONE = "companyTimeZone";
    static final String COMPANY_COUNTRY = "companyCountry";
    static final String REAUTHENTICATED_AT = "reauthenticatedAt";

    private final SessionStore sessions;

    SessionIdentityProvider(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionTokenRequest> getRequestType() {
        return SessionTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.find(request.token())
                .map(signedIn -> {
                    var identity = QuarkusSecurityIdentity.builder()
                            .setPrincipal(new QuarkusPrincipal(signedIn.email()))
                            .addRole(signedIn.role())
                            .addAttribute(USER_ID, signedIn.userId())
                            .addAttribute(COMPANY_ID, signedIn.companyId())
                            .addAttribute(COMPANY_NAME, signedIn.companyName());
                    if (signedIn.companyTimeZone() != null) {
                        identity.addAttribute(COMPANY_TIME_ZONE, signedIn.companyTimeZone());
                    }
                    if (signedIn.companyCountry() != null) {
                        identity.addAttribute(COMPANY_COUNTRY, signedIn.companyCountry());
                    }
                    if (signedIn.reauthenticatedAt() != null) {
                        identity.addAttribute(REAUTHENTICATED_AT, signedIn.reauthenticatedAt());
                    }
                    return (SecurityIdentity) identity.build();
                })
                .orElse(null));
    }
}
