package io.connectionportal.onboarding;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.RestForm;

import io.connectionportal.shared.Branding;
import io.connectionportal.shared.Cookies;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.Flash;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.Messages;
import io.connectionportal.shared.PortalConfig;
import io.connectionportal.shared.SecurityLog;
import io.connectionportal.shared.SessionStore;
import io.connectionportal.shared.Validation;

/**
 * "Forgot your password?": the e-mail form, one answer whether or not the address has an account, and the page the
 * e-mailed link opens. The link's token moves at once from the address into an HttpOnly cookie, so it stays neither
 * in the address bar nor in a Referer; the new password is checked by {@link PasswordPolicy}, and on success every
 * session of the account ends and the browser goes to the sign-in page.
 */
@Path("/password")
class PasswordResetResource {

    static final String RESET = "/password/reset";
    /** Carries the link's token from the e-mailed address to the form (HttpOnly, SameSite=Lax, the link's lifetime). */
    static final String COOKIE = "cp_reset";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forgot(String email, FormErrors errors);

        static native TemplateInstance sent(String minutes);

        static native TemplateInstance reset(String email, FormErrors errors);

        static native TemplateInstance invalid(String minutes);
    }

    private final PasswordResets resets;
    private final PasswordResetMail mail;
    private final Passwords passwords;
    private final CurrentLanguage language;
    private final Branding branding;
    private final SecurityLog securityLog;
    private final SessionStore sessions;
    private final Cookies cookies;
    private final Flash flash;
    private final PortalConfig config;
    private final SignInThrottle throttle;

    PasswordResetResource(
            PasswordResets resets,
            PasswordResetMail mail,
            Passwords passwords,
            CurrentLanguage language,
            Branding branding,
            SecurityLog securityLog,
            SessionStore sessions,
            Cookies cookies,
            Flash flash,
            PortalConfig config,
            SignInThrottle throttle) {
        this.throttle = throttle;
        this.resets = resets;
        this.mail = mail;
        this.passwords = passwords;
        this.language = language;
        this.branding = branding;
        this.securityLog = securityLog;
        this.sessions = sessions;
        this.cookies = cookies;
        this.flash = flash;
        this.config = config;
    }

    @GET
    @Path("forgot")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance forgotForm() {
        return Templates.forgot("", FormErrors.none());
    }

    /** The same 303 to the same page whether a link was sent, the address has no account, or its hour is used up. */
    @POST
    @Path("forgot")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response forgot(@RestForm String email) {
        String entered = Validation.trim(email);
        FormErrors errors = new FormErrors();
        Validation.checkEmail(errors, "email", entered, language.bundle(Messages.class));
        if (errors.any()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.forgot(entered, errors))
                    .build();
        }
        PasswordResets.Request request =
                resets.request(Validation.normaliseEmail(entered), language.get(), Instant.now());
        switch (request.outcome()) {
            case SENT ->
                securityLog.record(
                        SecurityLog.Event.PASSWORD_RESET_REQUEST, SecurityLog.Outcome.ALLOWED, request.userId(), null);
            case TOO_MANY ->
                securityLog.record(
                        SecurityLog.Event.PASSWORD_RESET_REQUEST,
                        SecurityLog.Outcome.REFUSED,
                        request.userId(),
                        "too many requests this hour");
            case NO_ACCOUNT ->
                securityLog.record(
                        SecurityLog.Event.PASSWORD_RESET_REQUEST, SecurityLog.Outcome.REFUSED, null, "no such account");
        }
        return Response.seeOther(URI.create("/password/forgot/sent")).build();
    }

    @GET
    @Path("forgot/sent")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance sent() {
        return Templates.sent(mail.minutes());
    }

    /**
     * The e-mailed link ({@code ?token=…}) puts its token in a cookie and comes back here without it; then the form,
     * or a page saying the link no longer works.
     */
    @GET
    @Path("reset")
    @Produces(MediaType.TEXT_HTML)
    public Response resetForm(@QueryParam("token") String token, @CookieParam(COOKIE) String kept) {
        if (token != null) {
            if (!PasswordResets.plausible(token)) {
                return invalid();
            }
            return Response.seeOther(URI.create(RESET))
                    .cookie(cookies.of(COOKIE, token, config.passwordReset().lifetime()))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        }
        Optional<PasswordResets.Account> account = resets.find(kept, Instant.now());
        if (account.isEmpty()) {
            return invalid();
        }
        return Response.ok(Templates.reset(account.get().email(), FormErrors.none()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @POST
    @Path("reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response reset(@RestForm String password, @CookieParam(COOKIE) String kept) {
        Optional<PasswordResets.Account> account = resets.find(kept, Instant.now());
        if (account.isEmpty()) {
            securityLog.record(SecurityLog.Event.PASSWORD_RESET, SecurityLog.Outcome.REFUSED, null, "link not valid");
            return invalid();
        }
        FormErrors errors = new FormErrors();
        PasswordPolicy.check(
                errors,
                "password",
                password,
                account.get().email(),
                branding.productName(),
                language.bundle(OnboardingMessages.class));
        if (errors.any()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.reset(account.get().email(), errors))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .build();
        }
        Passwords.Hashed hashed = passwords.hash(password);
        // Claimed here, after the slow hash: of two tabs posting the same link, only one gets past this.
        Optional<Long> reset = resets.complete(kept, hashed, Instant.now());
        if (reset.isEmpty()) {
            securityLog.record(
                    SecurityLog.Event.PASSWORD_RESET,
                    SecurityLog.Outcome.REFUSED,
                    account.get().userId(),
                    "link used");
            return invalid();
        }
        throttle.forgive(account.get().email());
        securityLog.record(
                SecurityLog.Event.PASSWORD_RESET, SecurityLog.Outcome.ALLOWED, reset.get(), "sessions ended");
        // To the sign-in page rather than signed in: the new password is used at once, through the one throttled door.
        return Response.seeOther(URI.create("/login"))
                .cookie(cookies.expired(COOKIE), sessions.expiredCookie(), flash.next(OnboardingNotice.PASSWORD_RESET))
                .build();
    }

    private Response invalid() {
        return Response.status(Response.Status.GONE)
                .entity(Templates.invalid(mail.minutes()))
                .cookie(cookies.expired(COOKIE))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
