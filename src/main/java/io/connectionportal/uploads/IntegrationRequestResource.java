package io.connectionportal.uploads;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.BeanParam;
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

import io.connectionportal.platforms.Category;
import io.connectionportal.shared.Flash;
import io.connectionportal.shared.FormErrors;

/** "Request an integration" (S5): name a platform the catalog lacks; the company sees what it asked for before. */
@Path("/connect/request-integration")
@Authenticated
class IntegrationRequestResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance requestIntegration(
                IntegrationRequestForm form,
                FormErrors errors,
                List<Category> categories,
                List<IntegrationRequest> requests);
    }

    private final IntegrationRequests requests;
    private final UploadTexts texts;

    private final Flash flash;

    IntegrationRequestResource(IntegrationRequests requests, UploadTexts texts, Flash flash) {
        this.flash = flash;
        this.requests = requests;
        this.texts = texts;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance requestIntegration() {
        return page(new IntegrationRequestForm(), FormErrors.none());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response send(@BeanParam IntegrationRequestForm form) {
        FormErrors errors = form.validate(texts.messages());
        if (errors.any()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(form, errors))
                    .build();
        }
        requests.store(form);
        return Response.seeOther(URI.create("/connect/request-integration"))
                .cookie(flash.next(UploadNotice.INTEGRATION_REQUESTED))
                .build();
    }

    private TemplateInstance page(IntegrationRequestForm form, FormErrors errors) {
        return Templates.requestIntegration(form, errors, List.of(Category.values()), requests.list());
    }
}
