package io.connectionportal.manage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import io.connectionportal.shared.CurrentUser;

/** Who read the company's data (issue 10, point 7): the most recent reads; the export holds them all. */
@Path("/connections/reads")
@Authenticated
class DataReadsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reads(ReadLines.Lines reads, int shown);
    }

    private final ReadLines lines;
    private final CurrentUser viewer;

    DataReadsResource(ReadLines lines, CurrentUser viewer) {
        this.lines = lines;
        this.viewer = viewer;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance reads() {
        return Templates.reads(lines.ofCompany(viewer.companyId(), ReadLines.PAGE), ReadLines.PAGE);
    }
}
