package io.connectionportal.admin;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
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

import io.connectionportal.admin.NewKeyCookie.Revealed;
import io.connectionportal.api.ApiKeys;
import io.connectionportal.api.ApiKeys.CreatedKey;
import io.connectionportal.api.ApiKeys.KeyView;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Flash;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.Reauthentication;
import io.connectionportal.shared.SecurityLog;
import io.connectionportal.shared.User;

/**
 * The integrator's API keys: the list (never a key), creating one, which is shown once, and revoking one. Creating
 * and revoking ask for the password again, on the page that shows the form and on its POST.
 */
@Path("/admin/api-keys")
@RolesAllowed(User.ADMIN)
class AdminApiKeysResource {

    static final int NAME_MAX = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance keys(List<KeyView> keys);

        static native TemplateInstance create(String name, FormErrors errors);

        static native TemplateInstance created(Optional<Revealed> revealed);

        static native TemplateInstance revoke(KeyView key);
    }

    private final ApiKeys apiKeys;
    private final Reauthentication reauthentication;
    private final NewKeyCookie newKeyCookie;
    private final CurrentUser viewer;
    private final SecurityLog securityLog;
    private final CurrentLanguage language;
    private final Flash flash;

    AdminApiKeysResource(
            ApiKeys apiKeys,
            Reauthentication reauthentication,
            NewKeyCookie newKeyCookie,
            CurrentUser viewer,
            CurrentLanguage language,
            Flash flash,
            SecurityLog securityLog) {
        this.securityLog = securityLog;
        this.apiKeys = apiKeys;
        this.reauthentication = reauthentication;
        this.newKeyCookie = newKeyCookie;
        this.viewer = viewer;
        this.language = language;
        this.flash = flash;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance keys() {
        return Templates.keys(apiKeys.list());
    }

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    public Response createForm() {
        return reauthentication
                .required("/admin/api-keys/new")
                .orElseGet(() ->
                        Response.ok(Templates.create("", FormErrors.none())).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@RestForm String name) {
        Optional<Response> askPassword = reauthentication.required("/admin/api-keys/new");
        if (askPassword.isPresent()) {
            return askPassword.get();
        }
        String trimmed = name == null ? "" : name.strip();
        FormErrors errors = new FormErrors();
        AdminMessages msg = language.bundle(AdminMessages.class);
        if (trimmed.isEmpty()) {
            errors.add("name", msg.key_error_name_required());
        } else if (trimmed.length() > NAME_MAX || trimmed.chars().anyMatch(Character::isISOControl)) {
            errors.add("name", msg.key_error_name_invalid(NAME_MAX));
        }
        if (errors.any()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.create(trimmed, errors))
                    .build();
        }
        CreatedKey created = apiKeys.create(trimmed);
        securityLog.record(
                SecurityLog.Event.API_KEY_CREATED, SecurityLog.Outcome.ALLOWED, viewer.userId(), "key=" + created.id());
        return Response.seeOther(URI.create("/admin/api-keys/created"))
                .cookie(newKeyCookie.of(created, viewer.userId()))
                .build();
    }

    /** The new key, once: the cookie that carries it is cleared by this very answer. */
    @GET
    @Path("created")
    @Produces(MediaType.TEXT_HTML)
    public Response created(@CookieParam(NewKeyCookie.NAME) String cookie) {
        return Response.ok(Templates.created(newKeyCookie.read(cookie, viewer.userId())))
                .cookie(newKeyCookie.cleared())
                .build();
    }

    @GET
    @Path("{id: \\d+}/revoke")
    @Produces(MediaType.TEXT_HTML)
    public Response confirmRevoke(@PathParam("id") long id) {
        KeyView key = activeKey(id);
        return reauthentication
                .required("/admin/api-keys/" + id + "/revoke")
                .orElseGet(() -> Response.ok(Templates.revoke(key)).build());
    }

    @POST
    @Path("{id: \\d+}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") long id) {
        activeKey(id);
        Optional<Response> askPassword = reauthentication.required("/admin/api-keys/" + id + "/revoke");
        if (askPassword.isPresent()) {
            return askPassword.get();
        }
        if (!apiKeys.revoke(id)) {
            throw new NotFoundException();
        }
        securityLog.record(
                SecurityLog.Event.API_KEY_REVOKED, SecurityLog.Outcome.ALLOWED, viewer.userId(), "key=" + id);
        return Response.seeOther(URI.create("/admin/api-keys"))
                .cookie(flash.next(AdminNotice.KEY_REVOKED))
                .build();
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException denied) {
        return BackOfficeForbidden.response();
    }

    /** A key that exists and is not revoked yet; anything else is a 404. */
    private KeyView activeKey(long id) {
        return apiKeys.list().stream()
                .filter(k -> k.id() == id && k.revokedAt() == null)
                .findFirst()
                .orElseThrow(NotFoundException::new);
    }
}
