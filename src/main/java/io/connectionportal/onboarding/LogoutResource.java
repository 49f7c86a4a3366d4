package io.connectionportal.onboarding;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.connectionportal.shared.Flash;
import io.connectionportal.shared.SessionStore;

/** Log out: the session row is deleted, so the cookie is worthless even if someone kept a copy. */
@Path("/logout")
class LogoutResource {

    private final SessionStore sessions;

    private final Flash flash;

    LogoutResource(SessionStore sessions, Flash flash) {
        this.flash = flash;
        this.sessions = sessions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@Context HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(sessions.cookieName());
        if (cookie != null && !cookie.getValue().isBlank()) {
            sessions.close(cookie.getValue());
        }
        return Response.seeOther(URI.create("/"))
                .cookie(sessions.expiredCookie(), flash.next(OnboardingNotice.SIGNED_OUT))
                .build();
    }
}
