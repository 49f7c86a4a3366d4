package io.connectionportal.connect;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import io.connectionportal.platforms.Platform;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Flash;

/**
 * The OAuth 2.0 redirect URI. Open to anyone, because a colleague with a share link has no account:
 * the state, bound to the browser that started, is what authorizes the request.
 */
@Path("/connect/callback")
class CallbackResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance failed(ConnectFlow.Outcome outcome, Optional<Platform> platform);
    }

    private final ConnectFlow flow;
    private final Flash flash;
    private final HostedLinks hostedLinks;
    private final CurrentUser viewer;
    private final ShareLinks shareLinks;

    CallbackResource(
            ConnectFlow flow, Flash flash, HostedLinks hostedLinks, CurrentUser viewer, ShareLinks shareLinks) {
        this.shareLinks = shareLinks;
        this.flash = flash;
        this.flow = flow;
        this.hostedLinks = hostedLinks;
        this.viewer = viewer;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response callback(
            @QueryParam("state") String state,
            @QueryParam("code") String code,
            @QueryParam("error") String error,
            @QueryParam("iss") String iss,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        ConnectFlow.Result result = flow.complete(
                new ConnectFlow.Callback(state, code, error, iss, otherParameters(uri)),
                BrowserBinding.existing(headers));
        Optional<Response> hosted = viewer.throughHostedLink() ? endHostedLink(result) : Optional.empty();
        if (hosted.isPresent()) {
            return hosted.get();
        }
        boolean viaShareLink =
                result.connection().map(c -> c.shareLinkId != null).orElse(false);
        if (result.accountToChoose() && !viaShareLink) {
            // Several organisations granted: the business picks the one to read before anything is read.
            return Response.seeOther(
                            URI.create("/connections/" + result.connection().get().id + "/organisation"))
                    .build();
        }
        if (result.reconnect()
                && (result.outcome() == ConnectFlow.Outcome.LINKED
                        || result.outcome() == ConnectFlow.Outcome.CANCELLED)) {
            // Back to the connection the business reconnected (M5), which a cancel left as it was.
            return Response.seeOther(
                            URI.create("/connections/" + result.connection().get().id))
                    .cookie(flash.next(
                            result.outcome() == ConnectFlow.Outcome.LINKED
                                    ? ConnectNotice.CONNECTION_RECONNECTED
                                    : ConnectNotice.RECONNECT_CANCELLED))
                    .build();
        }
        return switch (result.outcome()) {
            case LINKED ->
                Response.seeOther(URI.create(
                                viaShareLink
                                        ? colleaguePage(result, "/done")
                                        : "/connect/connected/"
                                                + result.connection().get().id))
                        .build();
            case CANCELLED ->
                Response.seeOther(URI.create(
                                viaShareLink
                                        ? colleaguePage(result, "/cancelled")
                                        : "/connect/platforms?cancelled="
                                                + result.platform().get().key()))
                        .build();
            case SHARE_LINK_USED ->
                Response.status(Response.Status.GONE)
                        .entity(ColleagueResource.Templates.gone(true, false, ""))
                        .build();
            case ACCOUNTING_ALREADY_LINKED ->
                Response.status(Response.Status.CONFLICT)
                        .entity(Templates.failed(result.outcome(), result.platform()))
                        .build();
            case UNREACHABLE, PROVIDER_ERROR ->
                Response.status(Response.Status.BAD_GATEWAY)
                        .entity(Templates.failed(result.outcome(), result.platform()))
                        .build();
            default ->
                Response.status(Response.Status.BAD_REQUEST)
                        .entity(Templates.failed(result.outcome(), result.platform()))
                        .build();
        };
    }

    /**
     * A business on a hosted link: the first outcome ends the link. Linked goes to the end page (keep an account, go
     * back); a cancel or a failure goes straight back to the integrator with the outcome, signed.
     */
    private Optional<Response> endHostedLink(ConnectFlow.Result result) {
        Long connectionId = result.connection().map(c -> c.id).orElse(null);
        String outcome = switch (result.outcome()) {
            case LINKED -> HostedLinks.LINKED;
            case CANCELLED -> HostedLinks.CANCELLED;
            default -> HostedLinks.ERROR;
        };
        String errorCode = HostedLinks.ERROR.equals(outcome) ? HostedLinks.errorCode(result.outcome()) : null;
        // A cancelled or failed attempt leaves no connection behind, so only a linked one is named.
        Long named = HostedLinks.LINKED.equals(outcome) ? connectionId : null;
        return hostedLinks
                .finish(viewer.userId(), outcome, named, errorCode)
                .map(link -> HostedLinks.LINKED.equals(link.outcome)
                        ? Response.seeOther(URI.create("/link/done")).build()
                        : Response.seeOther(hostedLinks.redirect(link)).build());
    }

    /** The callback's other parameters, first value each, bounded: a provider names an account with one of them. */
    private static Map<String, String> otherParameters(UriInfo uri) {
        Map<String, String> parameters = new HashMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (parameters.size() < 20
                    && name.length() <= 40
                    && !values.isEmpty()
                    && values.get(0).length() <= 200) {
                parameters.put(name, values.get(0));
            }
        });
        return parameters;
    }

    /** The colleague's own link page: it names the company they connected for. */
    private String colleaguePage(ConnectFlow.Result result, String page) {
        return ShareLink.<ShareLink>findByIdOptional(result.connection().get().shareLinkId)
                .map(link -> shareLinks.path(link) + page)
                .orElse(
                        page.equals("/done")
                                ? "/share/connected/" + result.platform().get().key()
                                : "/share/cancelled");
    }
}
