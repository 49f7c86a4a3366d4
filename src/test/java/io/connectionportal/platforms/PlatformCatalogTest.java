package io.connectionportal.platforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PlatformCatalogTest {

    private static PlatformCatalog builtIn() throws Exception {
        try (var in = PlatformCatalog.class.getClassLoader().getResourceAsStream(PlatformCatalog.BUILT_IN)) {
            return new PlatformCatalog(
                    PlatformCatalog.validate(new ObjectMapper().readValue(in, PlatformCatalog.File.class)));
        }
    }

    @Test
    void theBuiltInCatalogHasAtLeastThirtyPlatformsAcrossCategoriesEachWithItsLogo() throws Exception {
        PlatformCatalog catalog = builtIn();
        assertTrue(catalog.enabled().size() >= 30, "size " + catalog.enabled().size());
        for (Category category : Category.values()) {
            assertTrue(
                    catalog.enabled().stream()
                                    .filter(p -> p.category() == category)
                                    .count()
                            >= 5,
                    category.name());
        }
        for (Platform platform : catalog.enabled()) {
            assertTrue(
                    Files.exists(Path.of("src/main/resources/META-INF/resources" + platform.logo())), platform.logo());
            assertTrue(platform.website().startsWith("https://"), platform.key());
        }
    }

    @Test
    void distinctProductsAreDistinctEntries() throws Exception {
        PlatformCatalog catalog = builtIn();
        for (String name : List.of(
                "QuickBooks Online",
                "QuickBooks Desktop",
                "Sage Business Cloud Accounting",
                "Sage Intacct",
                "Xero",
                "Pennylane",
                "Qonto",
                "Shine",
                "Shopify",
                "Stripe",
                "Amazon Seller Central")) {
            assertEquals(
                    1,
                    catalog.enabled().stream()
                            .filter(p -> p.name().equals(name))
                            .count(),
                    name);
        }
    }

    @Test
    void searchMatchesNameKeyAndKeywordsIgnoringCaseAndAccents() throws Exception {
        PlatformCatalog catalog = builtIn();
        assertEquals("xero", catalog.search("XERO", Optional.empty()).get(0).key());
        assertTrue(catalog.search("societe", Optional.empty()).stream()
                .anyMatch(p -> p.name().equals("Société Générale")));
        assertTrue(catalog.search("quickbooks", Optional.empty()).size() >= 2);
        assertTrue(catalog.search("quickbooks", Optional.of(Category.BANKING)).isEmpty());
        assertTrue(catalog.search("no such platform", Optional.empty()).isEmpty());
    }

    @Test
    void aBrokenCatalogStopsStartUpSayingWhatIsWrong() {
        var entries = List.of(
                new PlatformCatalog.Entry(
                        "Bad Key",
                        "X",
                        "accounting",
                        "https://x.example",
                        null,
                        null,
                        List.of("INVOICES"),
                        null,
                        null,
                        null,
                        null),
                new PlatformCatalog.Entry(
                        "dup",
                        "Dup",
                        "banking",
                        "https://d.example",
                        null,
                        null,
                        List.of("BANK_TRANSACTIONS"),
                        null,
                        null,
                        null,
                        null),
                new PlatformCatalog.Entry(
                        "dup",
                        "Dup",
                        "banking",
                        "http://d.example",
                        null,
                        null,
                        List.of("INVOICES"),
                        null,
                        null,
                        null,
                        "P0D"),
                new PlatformCatalog.Entry(
                        "odd", "Odd", "crypto", "https://o.example", null, null, List.of(), null, null, null, null));
        IllegalStateException error = assertThrows(
                IllegalStateException.class, () -> PlatformCatalog.validate(new PlatformCatalog.File(entries)));
        String message = error.getMessage();
        assertTrue(message.contains("'Bad Key': key must be"), message);
        assertTrue(message.contains("'dup': key used twice"), message);
        assertTrue(message.contains("website must be an https:// address"), message);
        assertTrue(message.contains("INVOICES is not banking data"), message);
        assertTrue(message.contains("unknown category 'crypto'"), message);
        assertTrue(message.contains("'dup': accessLifetime must be a positive ISO-8601 duration"), message);
    }
}
