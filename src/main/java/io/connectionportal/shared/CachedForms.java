package io.connectionportal.shared;

import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;

/**
 * Forms inside markup kept for every reader ({@code {#cached}} sections such as a connection's card). Such markup
 * cannot hold one reader's CSRF token, so its forms carry the {@code csrfSlot} tag instead, and a page holding them
 * is rendered here, which puts this reader's token field in each slot. A slot is an HTML comment: escaped text never
 * contains {@code <!--}, so nothing a user typed can become one.
 */
@RequestScoped
@Named("cachedForms")
@TemplateData
public class CachedForms {

    static final String SLOT = "<!--csrf-->";
    /** Characters the builder of a page not rendered before starts with. */
    private static final int PAGE_CAPACITY = 16_384;
    /**
     * Each page's length when last rendered, and an eighth more, so that its builder rarely has to grow: growing
     * copied it twice or three times a view. One entry per template, a few dozen.
     */
    private static final Map<String, Integer> LAST_LENGTHS = new ConcurrentHashMap<>();

    private final CsrfTokenParameterProvider csrf;
    private final CurrentLanguage language;
    private final KeptPages keptPages;
    private boolean keepingPage;

    CachedForms(CsrfTokenParameterProvider csrf, CurrentLanguage language, KeptPages keptPages) {
        this.csrf = csrf;
        this.language = language;
        this.keptPages = keptPages;
    }

    /** The page in this request's language (as a page the framework renders), with this reader's token in its slots. */
    public String render(TemplateInstance page) {
        String field = tokenField();
        // Qute hands the page over in pieces (text, values, kept sections), which go straight into one builder with
        // the slots filled on the way: rendering a whole String first and filling it after copied every page twice.
        String template = page.getTemplate().getId();
        StringBuilder out = new StringBuilder(LAST_LENGTHS.getOrDefault(template, PAGE_CAPACITY));
        try {
            language.inThisLanguage(page)
                    .consume(chunk -> SlottedMarkup.appendFilled(out, chunk, field))
                    .toCompletableFuture()
                    .join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
        LAST_LENGTHS.put(template, out.length() + out.length() / 8);
        return out.toString();
    }

    /**
     * A page that is the same for every reader of this language, rendered once per {@code name} and language and
     * kept whole; the layout then writes slots for its own forms too ({@link #keepingPage()}).
     */
    public String renderKept(String name, Supplier<TemplateInstance> page) {
        return keptPages
                .get(language.cacheKey(name), () -> {
                    keepingPage = true;
                    try {
                        return SlottedMarkup.of(
                                language.inThisLanguage(page.get()).render());
                    } finally {
                        keepingPage = false;
                    }
                })
                .fill(tokenField());
    }

    /** True while a page kept whole is rendered: the layout's forms carry a slot, not this reader's token. */
    public boolean keepingPage() {
        return keepingPage;
    }

    private String tokenField() {
        // The token is URL-safe Base64 and the name comes from the configuration: neither needs escaping.
        return "<input type=\"hidden\" name=\"" + csrf.getParameterName() + "\" value=\"" + csrf.getToken() + "\">";
    }
}
