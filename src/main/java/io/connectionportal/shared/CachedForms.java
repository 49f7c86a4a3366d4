package io.connectionportal.shared;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.TemplateInstance;

/**
 * Forms inside markup kept for every reader ({@code {#cached}} sections such as a connection's card). Such markup
 * cannot hold one reader's CSRF token, so its forms carry the {@code csrfSlot} tag instead, and a page holding them
 * is rendered here, which puts this reader's token field in each slot. A slot is an HTML comment: escaped text never
 * contains {@code <!--}, so nothing a user typed can become one.
 */
@RequestScoped
public class CachedForms {

    static final String SLOT = "<!--csrf-->";

    private final CsrfTokenParameterProvider csrf;
    private final CurrentLanguage language;

    CachedForms(CsrfTokenParameterProvider csrf, CurrentLanguage language) {
        this.csrf = csrf;
        this.language = language;
    }

    /** The page in this request's language (as a page the framework renders), with this reader's token in its slots. */
    public String render(TemplateInstance page) {
        String html = page.setAttribute("locale", language.get().locale()).render();
        return html.replace(SLOT, tokenField());
    }

    private String tokenField() {
        // The token is URL-safe Base64 and the name comes from the configuration: neither needs escaping.
        return "<input type=\"hidden\" name=\"" + csrf.getParameterName() + "\" value=\"" + csrf.getToken() + "\">";
    }
}
