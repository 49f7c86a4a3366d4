package io.connectionportal.account;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import org.jboss.resteasy.reactive.RestForm;

import io.connectionportal.onboarding.OnboardingMessages;
import io.connectionportal.onboarding.PasswordPolicy;
import io.connectionportal.onboarding.Passwords;
import io.connectionportal.shared.Branding;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Flash;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.Reauthentication;
import io.connectionportal.shared.SecurityLog;
import io.connectionportal.shared.SessionStore;

/**
 * Change of password from the account page (ASVS 2.1.5): the password is asked again first ({@link Reauthentication},
 * on the form and on its POST), the new one must pass {@link PasswordPolicy}, and every other session of the account
 * ends while this browser stays signed in.
 */
@Path(ChangePasswordResource.PAGE)
@Authenticated
class ChangePasswordResource {

    static final String PAGE = "/account/password";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance change(FormErrors errors);
    }

    private final CurrentUser viewer;
    private final Reauthentication reauthentication;
    private final Passwords passwords;
    private final SessionStore sessions;
    private final SecurityLog securityLog;
    private final CurrentLanguage language;
    private final Branding branding;
    private final Flash flash;

    ChangePasswordResource(
            CurrentUser viewer,
            Reauthentication reauthentication,
            Passwords passwords,
            SessionStore sessions,
            SecurityLog securityLog,
            CurrentLanguage language,
            Branding branding,
            Flash flash) {
        this.viewer = viewer;
        this.reauthentication = reauthentication;
        this.passwords = passwords;
        this.sessions = sessions;
        this.securityLog = securityLog;
        this.language = language;
        this.branding = branding;
        this.flash = flash;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response form() {
        return reauthentication
                .required(PAGE)
                .orElseGet(
                        () -> Response.ok(Templates.change(FormErrors.none())).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response change(@RestForm String password, @Context HttpHeaders headers) {
        var confirm = reauthentication.required(PAGE);
        if (confirm.isPresent()) {
            return confirm.get();
        }
        FormErrors errors = new FormErrors();
        PasswordPolicy.check(
                errors,
                "password",
                password,
                viewer.email(),
                branding.productName(),
                language.bundle(OnboardingMessages.class));
        if (errors.any()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.change(errors))
                    .build();
        }
        long userId = viewer.userId();
        String thisSession = headers.getCookies().get(sessions.cookieName()).getValue();
        Passwords.Hashed hashed = passwords.hash(password);
        long ended = QuarkusTransaction.requiringNew().call(() -> {
            passwords.replace(userId, hashed);
            return sessions.closeOthers(userId, thisSession);
        });
        securityLog.record(
                SecurityLog.Event.PASSWORD_CHANGE, SecurityLog.Outcome.ALLOWED, userId, "other sessions=" + ended);
        return Response.seeOther(URI.create("/account"))
                .cookie(flash.next(AccountNotice.PASSWORD_CHANGED))
                .build();
    }
}
