package io.connectionportal.admin;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The 403 page of the back office, for a signed-in user without the admin role. Each resource maps the denial
 * itself (a mapper on a resource class applies to that class only, so the rest of the portal keeps its own).
 */
final class BackOfficeForbidden {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forbidden();
    }

    private BackOfficeForbidden() {}

    static Response response() {
        return Response.status(Response.Status.FORBIDDEN)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.forbidden())
                .build();
    }
}
