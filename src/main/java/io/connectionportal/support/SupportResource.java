package io.connectionportal.support;

import java.net.URI;
import java.util.List;

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

import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.Flash;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.Messages;
import io.connectionportal.shared.SafeRedirect;

/** Support (P7): phone and e-mail, and a request form that works signed in or not. */
@Path("/support")
class SupportResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance support(SupportForm form, FormErrors errors, List<SupportTopic> topics);
    }

    private final SupportRequests requests;
    private final CurrentLanguage language;
    private final CurrentUser viewer;

    private final Flash flash;

    SupportResource(SupportRequests requests, CurrentLanguage language, CurrentUser viewer, Flash flash) {
        this.flash = flash;
        this.requests = requests;
        this.language = language;
        this.viewer = viewer;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@QueryParam("from") String from) {
        SupportForm form = new SupportForm();
        form.from = SafeRedirect.localPath(from, "");
        if (viewer.signedIn()) {
            form.email = viewer.email();
        }
        return Templates.support(form, FormErrors.none(), List.of(SupportTopic.values()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response send(@BeanParam SupportForm form) {
        FormErrors errors = form.validate(language.bundle(Messages.class), language.bundle(SupportMessages.class));
        if (errors.any()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.support(form, errors, List.of(SupportTopic.values())))
                    .build();
        }
        requests.store(form);
        return Response.seeOther(URI.create("/support"))
                .cookie(flash.next(SupportNotice.SUPPORT_SENT))
                .build();
    }
}
