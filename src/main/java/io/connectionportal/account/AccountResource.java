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
import org.jboss.resteasy.reactive.RestForm;

import io.connectionportal.onboarding.HostedLinkAccount;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Flash;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.SecurityLog;
import io.connectionportal.shared.SessionStore;

/** The account page: who is signed in, on how many browsers, and the way to sign out of all of them (ASVS 3.3.4). */
@Path("/account")
@Authenticated
class AccountResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance account(long openSessions, String email, FormErrors errors);
    }

    private final CurrentUser viewer;
    private final SessionStore sessions;
    private final SecurityLog securityLog;
    private final Flash flash;
    private final HostedLinkAccount hostedLinkAccount;

    AccountResource(
            CurrentUser viewer,
            SessionStore sessions,
            SecurityLog securityLog,
            Flash flash,
            HostedLinkAccount hostedLinkAccount) {
        this.hostedLinkAccount = hostedLinkAccount;
        this.viewer = viewer;
        this.sessions = sessions;
        this.securityLog = securityLog;
        this.flash = flash;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance account() {
        return Templates.account(sessions.countOpen(viewer.userId()), "", FormErrors.none());
    }

    /**
     * A business that came through a hosted link and skipped the offer at its end chooses an e-mail and a password
     * here, later: the same rules, the same account.
     */
    @POST
    @Path("keep")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response keep(@RestForm String email, @RestForm String password) {
        if (!viewer.throughHostedLink()) {
            return Response.seeOther(URI.create("/account")).build();
        }
        HostedLinkAccount.Result result = hostedLinkAccount.keep(viewer.userId(), email, password);
        if (result.errors().any()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.account(sessions.countOpen(viewer.userId()), result.email(), result.errors()))
                    .build();
        }
        return Response.seeOther(URI.create("/account"))
                .cookie(flash.next(AccountNotice.ACCOUNT_KEPT))
                .build();
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
