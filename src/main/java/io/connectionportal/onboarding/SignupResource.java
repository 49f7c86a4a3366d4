package io.connectionportal.onboarding;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import io.connectionportal.mail.OutgoingMail;
import io.connectionportal.monitor.AdminAccounts;
import io.connectionportal.monitor.FunnelEvents;
import io.connectionportal.monitor.FunnelStep;
import io.connectionportal.shared.Branding;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.Messages;
import io.connectionportal.shared.SessionStore;
import io.connectionportal.shared.User;
import io.connectionportal.shared.Validation;

/**
 * Sign-up (F2): one short form, then straight to the value-exchange step, signed in, so that the
 * platform's sign-in page is at most three actions away.
 */
@Path("/signup")
class SignupResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signup(SignupForm form, FormErrors errors);
    }

    private final Accounts accounts;
    private final SessionStore sessions;
    private final GreetingMail greeting;
    private final CurrentLanguage language;
    private final CurrentUser viewer;
    private final FunnelEvents funnel;
    private final AdminAccounts admins;
    private final Branding branding;

    SignupResource(
            Accounts accounts,
            SessionStore sessions,
            GreetingMail greeting,
            CurrentLanguage language,
            CurrentUser viewer,
            FunnelEvents funnel,
            AdminAccounts admins,
            Branding branding) {
        this.branding = branding;
        this.admins = admins;
        this.funnel = funnel;
        this.accounts = accounts;
        this.sessions = sessions;
        this.greeting = greeting;
        this.language = language;
        this.viewer = viewer;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response form() {
        if (viewer.signedIn()) {
            return Response.seeOther(URI.create("/connect")).build();
        }
        return Response.ok(Templates.signup(new SignupForm(), FormErrors.none()))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signup(@BeanParam SignupForm form) {
        FormErrors errors = form.validate(
                language.bundle(Messages.class), language.bundle(OnboardingMessages.class), branding.productName());
        if (errors.any()) {
            return rejected(Response.Status.BAD_REQUEST, form, errors);
        }
        OutgoingMail welcome =
                greeting.render(Validation.normaliseEmail(form.email), form.companyName(), language.get());
        Optional<User> owner = accounts.register(form, language.get(), welcome);
        if (owner.isEmpty()) {
            return rejected(
                    Response.Status.CONFLICT,
                    form,
                    new FormErrors()
                            .add(
                                    "email",
                                    language.bundle(OnboardingMessages.class).error_email_taken()));
        }
        admins.promoteIfConfigured(owner.get().id);
        funnel.record(FunnelStep.SIGNED_UP, null, null, owner.get().company.id);
        String token = sessions.open(owner.get().id);
        return Response.seeOther(URI.create("/connect"))
                .cookie(sessions.cookie(token))
                .build();
    }

    private static Response rejected(Response.Status status, SignupForm form, FormErrors errors) {
        form.password = null;
        return Response.status(status).entity(Templates.signup(form, errors)).build();
    }
}
