package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.qute.CacheSectionHelper;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import org.junit.jupiter.api.Test;

/**
 * The store behind {@code {#cached}}: a section is rendered once per key, a failure is not kept, the store is bounded by
 * the size of what it keeps.
 */
class KeptSectionsTest {

    /** Counts how often the section's content was evaluated, and can be told to fail. */
    public static class Renders {
        private final AtomicInteger count = new AtomicInteger();
        private boolean failing;

        public int next() {
            if (failing) {
                throw new IllegalStateException("the section's data could not be read");
            }
            return count.incrementAndGet();
        }
    }

    private final KeptSections kept = new KeptSections(1_000, Duration.ofMinutes(5));
    private final Template page = Engine.builder()
            .addDefaults()
            .addValueResolver(new io.quarkus.qute.ReflectionValueResolver())
            .addSectionHelper(new CacheSectionHelper.Factory(kept::get))
            .build()
            .parse("[{#cached key=name}{name} rendered {renders.next}{/cached}]");

    private String view(String name, Renders renders) {
        return page.data("name", name, "renders", renders).render();
    }

    @Test
    void aSectionIsRenderedOncePerKeyAndEachKeyHasItsOwnCopy() {
        Renders renders = new Renders();

        assertEquals("[en rendered 1]", view("en", renders));
        assertEquals("[en rendered 1]", view("en", renders));
        assertEquals("[fr rendered 2]", view("fr", renders));
        assertEquals("[en rendered 1]", view("en", renders));
    }

    @Test
    void aSectionThatFailedIsRenderedAgainAtTheNextView() {
        Renders renders = new Renders();
        renders.failing = true;

        assertThrows(RuntimeException.class, () -> view("en", renders));

        renders.failing = false;
        assertEquals("[en rendered 1]", view("en", renders));
        assertEquals("[en rendered 1]", view("en", renders));
    }

    @Test
    void theStoreKeepsNoMoreMarkupThanItsBound() {
        Renders renders = new Renders();
        // A copy weighs at least 52 bytes (some 20 characters of markup, 6 of key): a thousand bytes hold at most 19.
        for (int i = 0; i < 200; i++) {
            view("key " + i, renders);
        }

        assertTrue(kept.size() > 0 && kept.size() <= 19, "copies kept: " + kept.size());
        // Whether the newest copy stays is the map's admission policy; the page is right either way.
        assertTrue(view("key 199", renders).startsWith("[key 199 rendered "));
    }
}
