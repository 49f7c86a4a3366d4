package io.connectionportal.shared;

import java.util.Arrays;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Error pages in the portal's own frame and language instead of the framework's bare bodies:
 * an unknown page, and a form rejected by the CSRF filter (which answers 400 with no body).
 */
class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notFound();

        static native TemplateInstance formExpired();
    }

    @ServerExceptionMapper
    Response notFound(NotFoundException unknown) {
        return Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.notFound())
                .build();
    }

    /**
     * With signed tokens, the CSRF filter decodes the form's token as base64 before comparing it, and throws on one
     * that is not base64: a forged or garbled form, which deserves the same answer as a wrong token, not a 500.
     */
    @ServerExceptionMapper
    Response malformedCsrfToken(IllegalArgumentException e) {
        if (Arrays.stream(e.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith("io.quarkus.csrf."))) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.formExpired())
                    .build();
        }
        Log.error("Request failed", e);
        return Response.serverError().build();
    }

    @ServerResponseFilter
    void explainRejectedForm(ContainerRequestContext request, ContainerResponseContext response) {
        boolean bareRejection = response.getStatus() == 400 && !response.hasEntity();
        if (bareRejection && "POST".equals(request.getMethod())) {
            response.setEntity(Templates.formExpired().render(), null, MediaType.TEXT_HTML_TYPE);
        }
    }
}
