package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Markup kept under a key is shown again only while everything it shows is the same: every part counts. */
class KeyTextTest {

    private record Account(String name, Optional<String> masked) {}

    private record Shown(
            long id,
            String name,
            boolean flag,
            Optional<Instant> at,
            List<Account> accounts,
            Map<String, Long> counts,
            Fixed fixed) {}

    private record Fixed(String key, String everythingElse) implements KeyText.Keyed {}

    private static final Shown SHOWN = shown();

    private static Shown shown() {
        return new Shown(
                7,
                "Atelier",
                true,
                Optional.of(Instant.parse("2026-12-03T10:00:00Z")),
                List.of(new Account("Main", Optional.of("FR76 •••• 3951"))),
                Map.of("INVOICES", 12L),
                new Fixed("xero", "a long configuration"));
    }

    @Test
    void theSameValueGivesTheSameKey() {
        assertEquals(KeyText.of(SHOWN), KeyText.of(shown()), "an equal value built again");
    }

    @Test
    void aChangeInAnyPartGivesAnotherKey() {
        List<Shown> changed = List.of(
                new Shown(8, "Atelier", true, SHOWN.at(), SHOWN.accounts(), SHOWN.counts(), SHOWN.fixed()),
                new Shown(7, "Atelier!", true, SHOWN.at(), SHOWN.accounts(), SHOWN.counts(), SHOWN.fixed()),
                new Shown(7, "Atelier", false, SHOWN.at(), SHOWN.accounts(), SHOWN.counts(), SHOWN.fixed()),
                new Shown(7, "Atelier", true, Optional.empty(), SHOWN.accounts(), SHOWN.counts(), SHOWN.fixed()),
                new Shown(
                        7,
                        "Atelier",
                        true,
                        Optional.of(Instant.parse("2026-12-03T10:00:00.000000001Z")),
                        SHOWN.accounts(),
                        SHOWN.counts(),
                        SHOWN.fixed()),
                new Shown(
                        7,
                        "Atelier",
                        true,
                        SHOWN.at(),
                        List.of(new Account("Main", Optional.empty())),
                        SHOWN.counts(),
                        SHOWN.fixed()),
                new Shown(7, "Atelier", true, SHOWN.at(), List.of(), SHOWN.counts(), SHOWN.fixed()),
                new Shown(7, "Atelier", true, SHOWN.at(), SHOWN.accounts(), Map.of("INVOICES", 13L), SHOWN.fixed()),
                new Shown(
                        7,
                        "Atelier",
                        true,
                        SHOWN.at(),
                        SHOWN.accounts(),
                        SHOWN.counts(),
                        new Fixed("qonto", "a long configuration")));
        Set<String> keys = changed.stream().map(KeyText::of).collect(Collectors.toSet());
        assertEquals(changed.size(), keys.size(), "each change has a key of its own");
        changed.forEach(other -> assertNotEquals(KeyText.of(SHOWN), KeyText.of(other), other.toString()));
    }

    @Test
    void noTextCanPassForTheBoundaryBetweenTwoParts() {
        assertNotEquals(
                KeyText.of(new Account("a,", Optional.of("b"))), KeyText.of(new Account("a", Optional.of(",b"))));
        assertNotEquals(
                KeyText.of(new Account("a)(", Optional.empty())), KeyText.of(new Account("a", Optional.of(")("))));
    }

    @Test
    void aKeyedValueStandsForItselfByItsKey() {
        String key = KeyText.of(SHOWN);
        assertEquals(true, key.contains("xero"));
        assertEquals(false, key.contains("a long configuration"), key);
    }
}
