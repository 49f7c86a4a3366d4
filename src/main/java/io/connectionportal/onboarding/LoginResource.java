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
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import org.jboss.resteasy.reactive.RestForm;

import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.Messages;
import io.connectionportal.shared.SafeRedirect;
import io.connectionportal.shared.SessionStore;
import io.connectionportal.shared.User;
import io.connectionportal.shared.Validation;

/**
 * Log in. It is an ordinary form POST to this resource, so it gets the same CSRF
 * check, error summary and kept values as every other form; the password is checked against the
 * bcrypt hash by quarkus-security-jpa.
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

    private final IdentityProviderManager identities;
    private final SessionStore sessions;
    private final CurrentLanguage language;
    private final CurrentUser viewer;

    LoginResource(
            IdentityProviderManager identities, SessionStore sessions, CurrentLanguage language, CurrentUser viewer) {
        this.identities = identities;
        this.sessions = sessions;
        this.language = language;
        this.viewer = viewer;
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
        try {
            identities.authenticateBlocking(new UsernamePasswordAuthenticationRequest(
                    email, new PasswordCredential(form.password.toCharArray())));
        } catch (AuthenticationFailedException wrongCredentials) {
            // One message for an unknown e-mail and a wrong password, so the form does not reveal who has an account.
            return rejected(
                    Response.Status.UNAUTHORIZED, form, new FormErrors().add("email", msg.error_login_failed()));
        }
        User user = User.find("email", email).firstResult();
        String token = sessions.open(user.id);
        URI target = URI.create(SafeRedirect.localPath(form.next, "/connect"));
        return Response.seeOther(target).cookie(sessions.cookie(token)).build();
    }

    private static Response rejected(Response.Status status, LoginForm form, FormErrors errors) {
        form.password = null;
        return Response.status(status).entity(Templates.login(form, errors)).build();
    }
}
