package io.connectionportal.platforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PlatformCatalogTest {

    private static PlatformCatalog builtIn() throws Exception {
        try (var in = PlatformCatalog.class.getClassLoader().getResourceAsStream(PlatformCatalog.BUILT_IN)) {
            return new PlatformCatalog(new ObjectMapper().readValue(in, PlatformCatalog.File.class));
        }
    }

    @Test
    void theBuiltInCatalogHasAtLeastThirtyPlatformsAcrossCategoriesDrawnAsMonograms() throws Exception {
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
            // No logo file to fetch per platform: the monogram is drawn by the stylesheet.
            assertTrue(platform.logo().isEmpty(), platform.key());
            assertTrue(platform.monogramTone() >= 0 && platform.monogramTone() < Platform.MONOGRAM_TONES);
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
        assertEquals(
                "societe-generale",
                catalog.search("Société", Optional.empty()).get(0).key());
        assertEquals(
                "quickbooks-online",
                catalog.search("quick books online", Optional.empty()).get(0).key());
    }

    @Test
    void searchForgivesATypoEvenMidWordButNotInShortQueries() throws Exception {
        PlatformCatalog catalog = builtIn();
        assertTrue(keys(catalog, "quikbooks").containsAll(List.of("quickbooks-online", "quickbooks-desktop")));
        assertTrue(keys(catalog, "quikb").contains("quickbooks-online"), "a typo while still typing");
        assertTrue(keys(catalog, "pennylnae").contains("pennylane"), "two letters swapped");
        assertTrue(keys(catalog, "shopfy").contains("shopify"));
        assertTrue(keys(catalog, "quickbokks onlien").contains("quickbooks-online"), "two typos in a long query");
        assertTrue(keys(catalog, "xer").contains("xero"), "a short query matches exactly");
        assertTrue(keys(catalog, "xeo").isEmpty(), "three letters are too few to forgive: " + keys(catalog, "xeo"));
        assertTrue(keys(catalog, "zzzzzzz").isEmpty());
        // What it finds exactly comes before what it finds by forgiving a typo.
        List<String> sage = keys(catalog, "sage");
        assertTrue(sage.containsAll(List.of("sage-50-france", "sage-50-uk", "sage-intacct")), sage.toString());
        assertEquals(
                "stripe",
                catalog.search("stripe", Optional.empty()).get(0).key(),
                "exact first, 'strip' forgiven after");
    }

    @Test
    void popularPlatformsFollowTheCountryWithADefaultForOthers() throws Exception {
        PlatformCatalog catalog = builtIn();
        List<String> france = catalog.popular("FR").stream().map(Platform::key).toList();
        assertEquals("pennylane", france.get(0));
        assertTrue(
                france.containsAll(List.of("qonto", "sage-50-france", "quickbooks-online", "xero")), france.toString());
        assertTrue(france.size() >= 6 && france.size() <= 8, france.toString());
        assertTrue(catalog.popular("GB").stream().map(Platform::key).toList().contains("sage-50-uk"));
        assertTrue(catalog.hasPopular("FR"));
        assertFalse(catalog.hasPopular("US"));
        assertEquals(
                catalog.popular("default"), catalog.popular("US"), "a country without a list gets the default one");
    }

    @Test
    void theCountryIsShownWhereEntriesOfOneBrandDifferByIt() throws Exception {
        PlatformCatalog catalog = builtIn();
        Platform sage50 = catalog.find("sage-50-france").orElseThrow();
        assertEquals(Optional.of("FR"), sage50.country());
        assertTrue(sage50.countryShown(), "Sage 50 · France beside Sage 50 Accounts · United Kingdom");
        assertTrue(catalog.find("sage-50-uk").orElseThrow().countryShown());
        assertFalse(catalog.find("pennylane").orElseThrow().countryShown(), "one country, no other Pennylane");
        assertFalse(catalog.find("credit-agricole").orElseThrow().countryShown(), "Crédit brands are all French");
        assertEquals("www.sage.com", sage50.websiteHost(), "the host only, never a path breaking mid-word");
    }

    private static List<String> keys(PlatformCatalog catalog, String query) {
        return catalog.search(query, Optional.empty()).stream()
                .map(Platform::key)
                .toList();
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
                        null,
                        "P0D"),
                new PlatformCatalog.Entry(
                        "odd",
                        "Odd",
                        "crypto",
                        "https://o.example",
                        "logo.png",
                        null,
                        List.of(),
                        null,
                        null,
                        null,
                        null,
                        null));
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

    @Test
    void aCountryOrALogoOrAPopularListThatMakesNoSenseStopsStartUp() {
        var entry = new PlatformCatalog.Entry(
                "acme",
                "Acme",
                "accounting",
                "https://acme.example",
                "acme.png",
                null,
                List.of("INVOICES"),
                null,
                null,
                "XX",
                null,
                null);
        String message = assertThrows(
                        IllegalStateException.class,
                        () -> PlatformCatalog.validate(new PlatformCatalog.File(List.of(entry))))
                .getMessage();
        assertTrue(message.contains("'acme': country must be an ISO 3166-1 code"), message);
        assertTrue(message.contains("'acme': logo must be a path under the web root"), message);
        var file = new PlatformCatalog.File(
                List.of(entry), java.util.Map.of("ZZ", List.of("acme"), "FR", List.of("nowhere")));
        String popular = assertThrows(IllegalStateException.class, () -> PlatformCatalog.validPopular(file))
                .getMessage();
        assertTrue(popular.contains("popular 'ZZ': name an ISO 3166-1 code"), popular);
        assertTrue(popular.contains("popular 'FR': unknown platform 'nowhere'"), popular);
    }
}
