package io.connectionportal.account;

import java.net.URI;
import java.time.Duration;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import org.jboss.resteasy.reactive.RestForm;

import io.connectionportal.onboarding.SignIn;
import io.connectionportal.shared.ClientInfo;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.PortalConfig;
import io.connectionportal.shared.Reauthentication;
import io.connectionportal.shared.SafeRedirect;
import io.connectionportal.shared.SessionStore;

/**
 * Asks the signed-in user for their password again before a sensitive action ({@link Reauthentication}), then
 * returns to the page that asked. Wrong answers count against the same limits as sign-in.
 */
@Path(Reauthentication.PAGE)
@Authenticated
class ConfirmPasswordResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm(String next, String minutes, FormErrors errors);
    }

    private final CurrentUser viewer;
    private final SignIn signIn;
    private final SessionStore sessions;
    private final ClientInfo client;
    private final CurrentLanguage language;
    private final PortalConfig config;

    ConfirmPasswordResource(
            CurrentUser viewer,
            SignIn signIn,
            SessionStore sessions,
            ClientInfo client,
            CurrentLanguage language,
            PortalConfig config) {
        this.viewer = viewer;
        this.signIn = signIn;
        this.sessions = sessions;
        this.client = client;
        this.language = language;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@QueryParam("next") String next) {
        return Templates.confirm(SafeRedirect.localPath(next, "/account"), minutes(), FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@RestForm String password, @RestForm String next, @Context HttpHeaders headers) {
        AccountMessages msg = language.bundle(AccountMessages.class);
        String target = SafeRedirect.localPath(next, "/account");
        if (password == null || password.isEmpty()) {
            return refused(Response.Status.BAD_REQUEST, target, msg.error_password_required());
        }
        SignIn.Outcome outcome = signIn.confirm(viewer.userId(), password, client.ipAddress());
        if (outcome instanceof SignIn.Locked locked) {
            long seconds = Math.max(1, (locked.retryAfter().toMillis() + 999) / 1000);
            return Response.fromResponse(refused(
                            Response.Status.TOO_MANY_REQUESTS, target, msg.error_too_many_attempts((int)
                                    Math.max(1, (seconds + 59) / 60))))
                    .header("Retry-After", seconds)
                    .build();
        }
        if (!(outcome instanceof SignIn.SignedIn)) {
            return refused(Response.Status.UNAUTHORIZED, target, msg.error_password_wrong());
        }
        sessions.markReauthenticated(
                headers.getCookies().get(sessions.cookieName()).getValue());
        return Response.seeOther(URI.create(target)).build();
    }

    private Response refused(Response.Status status, String next, String error) {
        return Response.status(status)
                .entity(Templates.confirm(next, minutes(), new FormErrors().add("password", error)))
                .build();
    }

    private String minutes() {
        Duration valid = config.session().reauthenticationValidFor();
        return Long.toString(Math.max(1, valid.toMinutes()));
    }
}
