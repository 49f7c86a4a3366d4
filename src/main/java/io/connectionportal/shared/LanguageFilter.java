package io.connectionportal.shared;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Resolves the request's language once and rewrites Accept-Language to it, so that Qute's own
 * locale selection, the message bundles and our Java code all agree on one language.
 */
class LanguageFilter {

    private final CurrentLanguage current;

    LanguageFilter(CurrentLanguage current) {
        this.current = current;
    }

    @ServerRequestFilter(preMatching = true)
    void resolve(ContainerRequestContext request) {
        Cookie remembered = request.getCookies().get(Language.COOKIE);
        Language language = Language.resolve(
                remembered == null ? null : remembered.getValue(),
                request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        current.set(language);
        request.getHeaders().putSingle(HttpHeaders.ACCEPT_LANGUAGE, language.tag());
    }

    @ServerResponseFilter
    void describe(ContainerResponseContext response) {
        response.getHeaders().putSingle(HttpHeaders.CONTENT_LANGUAGE, current.tag());
        response.getHeaders().add(HttpHeaders.VARY, "Accept-Language, Cookie");
    }
}
