package io.connectionportal.shared;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.qute.CacheSectionHelper;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.ResultNode;

/**
 * Where the templates' {@code {#cached}} sections keep their markup: a bounded Caffeine map, looked up in place.
 * Qute's own store (the quarkus-cache extension) answers every lookup through a Mutiny {@code Uni} that captures and
 * restores the request's contexts, a fifth of a picker view's allocations for its forty-odd cards; a kept section is
 * markup ready at once and needs none of that.
 */
@Singleton
class KeptSections {

    private final Cache<String, CompletionStage<ResultNode>> copies;

    @Inject
    KeptSections(PortalConfig config) {
        this(
                config.keptMarkup().maximumMemory().asLongValue(),
                config.keptMarkup().expireAfterAccess());
    }

    KeptSections(long maximumBytes, Duration expireAfterAccess) {
        copies = Caffeine.newBuilder()
                // Bounded by size, not count: a picker's copy is a hundred times a card's.
                .maximumWeight(maximumBytes)
                .weigher(KeptSections::bytes)
                .expireAfterAccess(expireAfterAccess)
                // Evictions are done by the thread that adds, not handed to the common pool.
                .executor(Runnable::run)
                .build();
    }

    // Notified after Qute's own configurator, whose {#cached} (wanting quarkus-cache) this one replaces.
    void register(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) EngineBuilder engine) {
        engine.addSectionHelper(new CacheSectionHelper.Factory(this::get));
    }

    CompletionStage<ResultNode> get(String key, Function<String, CompletionStage<ResultNode>> render) {
        CompletionStage<ResultNode> kept = copies.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        // Rendered outside the map's locks, since a kept section may hold another; two first readers may both render
        // the same markup. A section that failed is not kept: the next view tries again.
        CompletionStage<ResultNode> rendered = render.apply(key);
        rendered.thenRun(() -> copies.put(key, rendered));
        return rendered;
    }

    /** A copy's size, counted at two bytes a character; weighed once, when it is kept, so rendered by then. */
    private static int bytes(String key, CompletionStage<ResultNode> copy) {
        int[] characters = {key.length()};
        ResultNode markup = copy.toCompletableFuture().getNow(null);
        if (markup != null) {
            markup.process(part -> characters[0] += part.length());
        }
        return 2 * characters[0];
    }

    long size() {
        return copies.estimatedSize();
    }
}
