package io.connectionportal.account;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Flash;
import io.connectionportal.shared.SecurityLog;
import io.connectionportal.shared.SessionStore;

/** The account page: who is signed in, on how many browsers, and the way to sign out of all of them (ASVS 3.3.4). */
@Path("/account")
@Authenticated
class AccountResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(long openSessions);
    }

    private final CurrentUser viewer;
    private final SessionStore sessions;
    private final SecurityLog securityLog;
    private final Flash flash;

    AccountResource(CurrentUser viewer, SessionStore sessions, SecurityLog securityLog, Flash flash) {
        this.viewer = viewer;
        this.sessions = sessions;
        this.securityLog = securityLog;
        this.flash = flash;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance account() {
        return Templates.account(sessions.countOpen(viewer.userId()));
    }

    /** Ends every session of the account, this browser's too: a lost phone or a shared computer is signed out. */
    @POST
    @Path("sign-out-everywhere")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOutEverywhere() {
        long ended = sessions.closeAll(viewer.userId());
        securityLog.record(
                SecurityLog.Event.SIGN_OUT_EVERYWHERE,
                SecurityLog.Outcome.ALLOWED,
                viewer.userId(),
                "sessions=" + ended);
        return Response.seeOther(URI.create("/login"))
                .cookie(sessions.expiredCookie(), flash.next(AccountNotice.SIGNED_OUT_EVERYWHERE))
                .build();
    }
}
