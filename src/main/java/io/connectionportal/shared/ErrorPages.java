package io.connectionportal.shared;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Error pages in the portal's own frame and language instead of the framework's bare bodies:
 * an unknown page, and a form rejected by the CSRF filter (which answers 400 with no body).
 */
class ErrorPages {

    private final CurrentLanguage language;

    ErrorPages(CurrentLanguage language) {
        this.language = language;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notFound();

        static native TemplateInstance formExpired();
    }

    @ServerExceptionMapper
    Response notFound(NotFoundException unknown, ContainerRequestContext request) {
        // The JSON API answers its own errors, as problem details (api/ApiProblems); pages get HTML.
        if (ApiPaths.isApi(request.getUriInfo().getPath())) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        return Response.status(Response.Status.NOT_FOUND)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.notFound())
                .build();
    }

    @ServerResponseFilter
    void explainRejectedForm(ContainerRequestContext request, ContainerResponseContext response) {
        boolean bareRejection = response.getStatus() == 400 && !response.hasEntity();
        if (bareRejection
                && "POST".equals(request.getMethod())
                && !ApiPaths.isApi(request.getUriInfo().getPath())) {
            String page = language.inThisLanguage(Templates.formExpired()).render();
            response.setEntity(page, null, MediaType.TEXT_HTML_TYPE);
        }
    }
}
