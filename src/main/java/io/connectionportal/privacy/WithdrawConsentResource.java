package io.connectionportal.privacy;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import io.connectionportal.connections.Connection;
import io.connectionportal.consent.Consents;
import io.connectionportal.platforms.Category;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Flash;
import io.connectionportal.shared.SecurityLog;

/**
 * Withdrawing consent to one kind of data, as easily as it was given (GDPR art. 7(3)): from the privacy page, one
 * confirmation page that says what stops (the company's connections of that kind, by platform) and one button. No
 * password is asked again: giving consent needs none either.
 */
@Path("/privacy/withdraw/{category}")
@Authenticated
class WithdrawConsentResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance withdraw(Category category, List<String> platforms);
    }

    private final Consents consents;
    private final ConsentWithdrawal withdrawal;
    private final PlatformCatalog catalog;
    private final CurrentUser viewer;
    private final SecurityLog securityLog;
    private final Flash flash;

    WithdrawConsentResource(
            Consents consents,
            ConsentWithdrawal withdrawal,
            PlatformCatalog catalog,
            CurrentUser viewer,
            SecurityLog securityLog,
            Flash flash) {
        this.consents = consents;
        this.withdrawal = withdrawal;
        this.catalog = catalog;
        this.viewer = viewer;
        this.securityLog = securityLog;
        this.flash = flash;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@PathParam("category") String key) {
        Category category = category(key);
        if (!consents.consentedCategories().contains(category)) {
            return backToPrivacy().build();
        }
        List<String> platforms = withdrawal.affected(category).stream()
                .map(this::platformName)
                .distinct()
                .toList();
        return Response.ok(Templates.withdraw(category, platforms)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("category") String key) {
        Category category = category(key);
        ConsentWithdrawal.Outcome outcome = withdrawal.withdraw(category);
        if (!outcome.withdrawn()) {
            // Nothing was agreed to (a second click, another tab): nothing is recorded twice.
            return backToPrivacy().build();
        }
        securityLog.record(
                SecurityLog.Event.CONSENT_WITHDRAWAL,
                SecurityLog.Outcome.ALLOWED,
                viewer.userId(),
                category.key() + " connections=" + outcome.connectionsStopped());
        return backToPrivacy()
                .cookie(flash.next(
                        outcome.revocationPending()
                                ? PrivacyNotice.CONSENT_WITHDRAWN_REVOCATION_PENDING
                                : PrivacyNotice.CONSENT_WITHDRAWN))
                .build();
    }

    private static Category category(String key) {
        return Category.fromKey(key).orElseThrow(NotFoundException::new);
    }

    private String platformName(Connection connection) {
        return catalog.find(connection.platformKey).map(Platform::name).orElse(connection.platformKey);
    }

    private static Response.ResponseBuilder backToPrivacy() {
        return Response.seeOther(URI.create("/privacy#withdraw-title"));
    }
}
