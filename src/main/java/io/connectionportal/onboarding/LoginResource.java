package io.connectionportal.onboarding;

import java.net.URI;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;

import io.connectionportal.shared.ClientInfo;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.Messages;
import io.connectionportal.shared.SafeRedirect;
import io.connectionportal.shared.SessionStore;
import io.connectionportal.shared.Validation;

/**
 * Log in. It is an ordinary form POST to this resource, so it gets the same CSRF
 * check, error summary and kept values as every other form; {@link SignIn} checks the password
 * against the bcrypt hash (by quarkus-security-jpa), throttled per account and per client address.
 */
@Path("/login")
class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(LoginForm form, FormErrors errors);
    }

    public static class LoginForm {
        @RestForm
        public String email;

        @RestForm
        public String password;

        @RestForm
        public String next;

        public String email() {
            return Validation.trim(email);
        }
    }

    private final SignIn signIn;
    private final SessionStore sessions;
    private final CurrentLanguage language;
    private final CurrentUser viewer;
    private final ClientInfo client;

    LoginResource(
            SignIn signIn, SessionStore sessions, CurrentLanguage language, CurrentUser viewer, ClientInfo client) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.language = language;
        this.viewer = viewer;
        this.client = client;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response form(@QueryParam("next") String next) {
        if (viewer.signedIn()) {
            return Response.seeOther(URI.create(SafeRedirect.localPath(next, "/connect")))
                    .build();
        }
        LoginForm form = new LoginForm();
        form.next = SafeRedirect.localPath(next, "");
        return Response.ok(Templates.login(form, FormErrors.none())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response login(@BeanParam LoginForm form) {
        OnboardingMessages msg = language.bundle(OnboardingMessages.class);
        FormErrors errors = new FormErrors();
        Validation.checkEmail(errors, "email", form.email(), language.bundle(Messages.class));
        if (form.password == null || form.password.isEmpty()) {
            errors.add("password", msg.error_password_required());
        }
        if (errors.any()) {
            return rejected(Response.Status.BAD_REQUEST, form, errors);
        }
        String email = Validation.normaliseEmail(form.email);
        SignIn.Outcome outcome = signIn.attempt(email, form.password, client.ipAddress());
        if (outcome instanceof SignIn.Locked locked) {
            // The same answer whether the account, the address or an unknown e-mail address is locked.
            long seconds = Math.max(1, (locked.retryAfter().toMillis() + 999) / 1000);
            int minutes = (int) Math.max(1, (seconds + 59) / 60);
            form.password = null;
            return Response.status(Response.Status.TOO_MANY_REQUESTS)
                    .header("Retry-After", seconds)
                    .entity(Templates.login(form, new FormErrors().add("email", msg.error_too_many_attempts(minutes))))
                    .build();
        }
        if (!(outcome instanceof SignIn.SignedIn signedIn)) {
            // One message for an unknown e-mail and a wrong password, so the form does not reveal who has an account.
            return rejected(
                    Response.Status.UNAUTHORIZED, form, new FormErrors().add("email", msg.error_login_failed()));
        }
        String token = sessions.open(signedIn.user().id);
        URI target = URI.create(SafeRedirect.localPath(form.next, "/connect"));
        return Response.seeOther(target).cookie(sessions.cookie(token)).build();
    }

    private static Response rejected(Response.Status status, LoginForm form, FormErrors errors) {
        form.password = null;
        return Response.status(status).entity(Templates.login(form, errors)).build();
    }
}
