package io.connectionportal.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/** Reads the session cookie; sends anyone who needs to sign in to the login page, remembering where they were going. */
@ApplicationScoped
class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    private final SessionStore sessions;

    SessionAuthenticationMechanism(SessionStore sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        Cookie cookie = context.request().getCookie(sessions.cookieName());
        // A browser sends its cookie with every style sheet, script and image; they are the same for everyone, so
        // reading the session for them would cost a database read each and tell nothing.
        if (cookie == null || cookie.getValue().isBlank() || Assets.isPublicFile(context.normalizedPath())) {
            return Uni.createFrom().nullItem();
        }
        SessionTokenRequest request = new SessionTokenRequest(cookie.getValue());
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        // An unknown or expired session is no one: public pages answer as to anyone, a protected page sends to
        // sign-in once, and the stale cookie is dropped, so it can never lock the browser out of the site.
        return identityProviderManager
                .authenticate(request)
                .onFailure(AuthenticationFailedException.class)
                .recoverWithItem(() -> {
                    context.response()
                            .headers()
                            .add(
                                    HttpHeaders.SET_COOKIE,
                                    sessions.expiredCookie().toString());
                    return null;
                });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        String next = context.request().method().name().equals("GET")
                ? context.request().uri()
                : "/connect";
        String location =
                "/login?next=" + URLEncoder.encode(SafeRedirect.localPath(next, "/connect"), StandardCharsets.UTF_8);
        return Uni.createFrom().item(new ChallengeData(303, "Location", location));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionTokenRequest.class);
    }
}
