package io.connectionportal.admin;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
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
import io.quarkus.security.ForbiddenException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.connectionportal.api.RedirectAllowList;
import io.connectionportal.connect.RedirectSignature;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Flash;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.SecurityLog;
import io.connectionportal.shared.User;

/**
 * The hosted links' redirect allow-list: the prefixes from the configuration (read-only here) and those added in the
 * back office, which can be added and removed; and the secret that signs the redirects, which the integrator needs.
 */
@Path("/admin/redirect-allow-list")
@RolesAllowed(User.ADMIN)
class AdminRedirectsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance redirects(
                List<String> configured,
                List<RedirectAllowList.Entry> stored,
                Optional<String> signingSecret,
                String prefix,
                FormErrors errors);
    }

    private final RedirectAllowList allowList;
    private final RedirectSignature signature;
    private final CurrentUser viewer;
    private final SecurityLog securityLog;
    private final CurrentLanguage language;
    private final Flash flash;

    AdminRedirectsResource(
            RedirectAllowList allowList,
            RedirectSignature signature,
            CurrentUser viewer,
            CurrentLanguage language,
            Flash flash,
            SecurityLog securityLog) {
        this.securityLog = securityLog;
        this.allowList = allowList;
        this.signature = signature;
        this.viewer = viewer;
        this.language = language;
        this.flash = flash;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.redirects(allowList.configured(), allowList.stored(), signingSecret(), "", FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response add(@RestForm String prefix) {
        String entered = prefix == null ? "" : prefix.strip();
        FormErrors errors = new FormErrors();
        AdminMessages msg = language.bundle(AdminMessages.class);
        if (entered.isEmpty()) {
            errors.add("prefix", msg.redirect_error_required());
        } else {
            Optional<RedirectAllowList.Refusal> refusal = allowList.add(entered, viewer.email());
            refusal.ifPresent(r -> errors.add("prefix", msg.redirect_error(r)));
        }
        if (errors.any()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.redirects(
                            allowList.configured(), allowList.stored(), signingSecret(), entered, errors))
                    .build();
        }
        securityLog.record(SecurityLog.Event.REDIRECT_PREFIX_ADDED, SecurityLog.Outcome.ALLOWED, viewer.userId(), null);
        return Response.seeOther(URI.create("/admin/redirect-allow-list"))
                .cookie(flash.next(AdminNotice.PREFIX_ADDED))
                .build();
    }

    @POST
    @Path("{id: \\d+}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@PathParam("id") long id) {
        if (!allowList.remove(id)) {
            throw new NotFoundException();
        }
        securityLog.record(
                SecurityLog.Event.REDIRECT_PREFIX_REMOVED, SecurityLog.Outcome.ALLOWED, viewer.userId(), "entry=" + id);
        return Response.seeOther(URI.create("/admin/redirect-allow-list"))
                .cookie(flash.next(AdminNotice.PREFIX_REMOVED))
                .build();
    }

    /** The secret the integrator verifies redirects with; empty when it is set in the configuration, which says so. */
    private Optional<String> signingSecret() {
        return signature.configured() ? Optional.empty() : Optional.of(signature.secret());
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException denied) {
        return BackOfficeForbidden.response();
    }
}
