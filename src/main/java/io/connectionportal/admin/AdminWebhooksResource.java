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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.connectionportal.admin.WebhookLog.DeliveryPage;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Flash;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.SecurityLog;
import io.connectionportal.shared.User;
import io.connectionportal.webhooks.WebhookDispatcher;
import io.connectionportal.webhooks.WebhookEndpoint;
import io.connectionportal.webhooks.WebhookEndpoints;

/**
 * Webhook endpoints in the back office: the list with their health, a disabled endpoint enabled again, endpoints
 * created here (with a generated secret shown on their page, which the receiver needs) and deleted (never a
 * configured one), and each endpoint's delivery log with "Replay" for a failed delivery.
 */
@Path("/admin/webhooks")
@RolesAllowed(User.ADMIN)
class AdminWebhooksResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance endpoints(List<WebhookEndpoint> endpoints);

        static native TemplateInstance create(EndpointForm form, FormErrors errors);

        static native TemplateInstance endpoint(WebhookEndpoint endpoint, Optional<String> secret, DeliveryPage page);

        static native TemplateInstance delete(WebhookEndpoint endpoint);
    }

    private final WebhookLog log;
    private final WebhookEndpoints endpoints;
    private final WebhookDispatcher dispatcher;
    private final CurrentLanguage language;
    private final CurrentUser viewer;
    private final SecurityLog securityLog;
    private final Flash flash;

    AdminWebhooksResource(
            WebhookLog log,
            WebhookEndpoints endpoints,
            WebhookDispatcher dispatcher,
            CurrentLanguage language,
            CurrentUser viewer,
            Flash flash,
            SecurityLog securityLog) {
        this.securityLog = securityLog;
        this.log = log;
        this.endpoints = endpoints;
        this.dispatcher = dispatcher;
        this.language = language;
        this.viewer = viewer;
        this.flash = flash;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Templates.endpoints(log.endpoints());
    }

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance createForm() {
        return Templates.create(EndpointForm.empty(), FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@RestForm String name, @RestForm String url, @RestForm List<String> events) {
        EndpointForm form = EndpointForm.of(name, url, events);
        FormErrors errors = form.check(endpoints, language.bundle(AdminMessages.class));
        if (errors.any()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.create(form, errors))
                    .build();
        }
        long id = endpoints.create(form.name(), form.url(), form.eventsValue());
        securityLog.record(
                SecurityLog.Event.WEBHOOK_ENDPOINT_CREATED,
                SecurityLog.Outcome.ALLOWED,
                viewer.userId(),
                "endpoint=" + id);
        return Response.seeOther(URI.create("/admin/webhooks/" + id))
                .cookie(flash.next(AdminNotice.ENDPOINT_CREATED))
                .build();
    }

    /** {@code before}: the id of the last delivery of the previous page. */
    @GET
    @Path("{id: \\d+}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance endpoint(@PathParam("id") long id, @QueryParam("before") Long before) {
        WebhookEndpoint endpoint = log.endpoint(id).orElseThrow(NotFoundException::new);
        return Templates.endpoint(endpoint, endpoints.secretOf(id), log.deliveries(id, Optional.ofNullable(before)));
    }

    @POST
    @Path("{id: \\d+}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("id") long id) {
        log.endpoint(id).orElseThrow(NotFoundException::new);
        Response.ResponseBuilder back = Response.seeOther(URI.create("/admin/webhooks/" + id));
        return endpoints.enable(id)
                ? back.cookie(flash.next(AdminNotice.ENDPOINT_ENABLED)).build()
                : back.build();
    }

    /** Asks before deleting a back-office endpoint; a configured one is a 404, as its form is never offered. */
    @GET
    @Path("{id: \\d+}/delete")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance confirmDelete(@PathParam("id") long id) {
        return Templates.delete(log.endpoint(id).filter(e -> !e.fromConfig).orElseThrow(NotFoundException::new));
    }

    @POST
    @Path("{id: \\d+}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") long id) {
        WebhookEndpoint endpoint = log.endpoint(id).orElseThrow(NotFoundException::new);
        if (endpoint.fromConfig || !endpoints.delete(id)) {
            // A configured endpoint is removed from the configuration, never here: the form is not offered for it.
            throw new NotFoundException();
        }
        securityLog.record(
                SecurityLog.Event.WEBHOOK_ENDPOINT_DELETED,
                SecurityLog.Outcome.ALLOWED,
                viewer.userId(),
                "endpoint=" + id);
        return Response.seeOther(URI.create("/admin/webhooks"))
                .cookie(flash.next(AdminNotice.ENDPOINT_DELETED))
                .build();
    }

    @POST
    @Path("{id: \\d+}/deliveries/{deliveryId: \\d+}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response replay(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        if (!log.belongsTo(deliveryId, id)) {
            throw new NotFoundException();
        }
        Response.ResponseBuilder back = Response.seeOther(URI.create("/admin/webhooks/" + id));
        return dispatcher.replay(deliveryId)
                ? back.cookie(flash.next(AdminNotice.DELIVERY_REPLAYED)).build()
                : back.build();
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException denied) {
        return BackOfficeForbidden.response();
    }
}
