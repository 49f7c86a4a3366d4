package io.connectionportal.privacy;

import java.net.URI;
import java.util.List;
import java.util.Optional;

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
import io.quarkus.security.identity.SecurityIdentity;
import org.jboss.resteasy.reactive.RestForm;

import io.connectionportal.connections.Connection;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Flash;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.PortalConfig;
import io.connectionportal.shared.Reauthentication;
import io.connectionportal.shared.SecurityLog;
import io.connectionportal.shared.SessionStore;
import io.connectionportal.shared.User;
import io.connectionportal.uploads.Uploads;

/**
 * Deleting the account and the company (GDPR art. 17): a confirmation page that says what stops, what is erased and
 * what is kept and why, then one form. The password is asked again for both (ASVS 3.7.1), and only the owner may do
 * it, since it erases everyone's data. Afterwards the browser is signed out and lands on the landing page.
 */
@Path("/account/delete")
@Authenticated
class AccountDeletionResource {

    static final String PAGE = "/account/delete";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance delete(
                List<String> platforms, int files, int accounts, long years, FormErrors errors);

        static native TemplateInstance ownerOnly();
    }

    private final AccountDeletion deletion;
    private final CurrentUser viewer;
    private final SecurityIdentity identity;
    private final Reauthentication reauthentication;
    private final PlatformCatalog catalog;
    private final Uploads uploads;
    private final SessionStore sessions;
    private final SecurityLog securityLog;
    private final Flash flash;
    private final CurrentLanguage language;
    private final PortalConfig config;

    AccountDeletionResource(
            AccountDeletion deletion,
            CurrentUser viewer,
            SecurityIdentity identity,
            Reauthentication reauthentication,
            PlatformCatalog catalog,
            Uploads uploads,
            SessionStore sessions,
            SecurityLog securityLog,
            Flash flash,
            CurrentLanguage language,
            PortalConfig config) {
        this.deletion = deletion;
        this.viewer = viewer;
        this.identity = identity;
        this.reauthentication = reauthentication;
        this.catalog = catalog;
        this.uploads = uploads;
        this.sessions = sessions;
        this.securityLog = securityLog;
        this.flash = flash;
        this.language = language;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response confirm() {
        return refusal().orElseGet(() -> Response.ok(page(FormErrors.none())).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response delete(@RestForm String agree) {
        Optional<Response> refused = refusal();
        if (refused.isPresent()) {
            return refused.get();
        }
        if (!"yes".equals(agree)) {
            FormErrors errors = new FormErrors()
                    .add("agree", language.bundle(PrivacyMessages.class).error_agree_required());
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(errors))
                    .build();
        }
        long companyId = viewer.companyId();
        AccountDeletion.Outcome outcome = deletion.delete(companyId, viewer.email());
        securityLog.record(
                SecurityLog.Event.ACCOUNT_DELETION,
                SecurityLog.Outcome.ALLOWED,
                viewer.userId(),
                "company=" + companyId + " connections=" + outcome.connections() + " revocations-pending="
                        + outcome.revocationsPending() + " files=" + outcome.files());
        return Response.seeOther(URI.create("/"))
                .cookie(sessions.expiredCookie(), flash.next(PrivacyNotice.ACCOUNT_DELETED))
                .build();
    }

    /** The password asked again first, then the owner role: a member is told who can do it. */
    private Optional<Response> refusal() {
        Optional<Response> askPassword = reauthentication.required(PAGE);
        if (askPassword.isPresent()) {
            return askPassword;
        }
        if (!identity.hasRole(User.OWNER)) {
            securityLog.record(
                    SecurityLog.Event.ACCOUNT_DELETION, SecurityLog.Outcome.REFUSED, viewer.userId(), "not the owner");
            return Optional.of(Response.status(Response.Status.FORBIDDEN)
                    .entity(Templates.ownerOnly())
                    .build());
        }
        return Optional.empty();
    }

    private TemplateInstance page(FormErrors errors) {
        long companyId = viewer.companyId();
        List<String> platforms = Connection.ofCompany(companyId).stream()
                .map(c -> catalog.find(c.platformKey).map(Platform::name).orElse(c.platformKey))
                .distinct()
                .toList();
        int accounts = (int) User.count("company.id", companyId);
        long years = Math.max(1, config.retention().deletedCompanies().toDays() / 365);
        return Templates.delete(platforms, uploads.list().size(), accounts, years, errors);
    }
}
