package io.connectionportal.support;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Answers to what a wary owner asks before sharing financial data (V3). */
@Path("/faq")
class FaqResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance faq();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance faq() {
        return Templates.faq();
    }
}
