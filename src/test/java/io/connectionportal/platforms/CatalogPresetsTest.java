package io.connectionportal.platforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The built-in catalog's OAuth presets: well-formed, consistent with what each platform reads, and as documented. */
class CatalogPresetsTest {

    /** What the providers' own pages say (docs/providers.md cites each), checked against the catalog. */
    private record Documented(
            String documentation,
            String authorizationUrl,
            String tokenUrl,
            String clientAuthentication,
            boolean pkce,
            String requestedScopes) {}

    private static final Map<String, Documented> DOCUMENTED = Map.of(
            "freeagent",
            new Documented(
                    "https://dev.freeagent.com/docs/oauth",
                    "https://api.freeagent.com/v2/approve_app",
                    "https://api.freeagent.com/v2/token_endpoint",
                    "client_secret_basic",
                    false,
                    ""),
            "business-central",
            new Documented(
                    "https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow",
                    "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize",
                    "https://login.microsoftonline.com/organizations/oauth2/v2.0/token",
                    "client_secret_post",
                    true,
                    "offline_access https://api.businesscentral.dynamics.com/Financials.ReadWrite.All"),
            "zoho-books",
            new Documented(
                    "https://www.zoho.com/books/api/v3/oauth/",
                    "https://accounts.zoho.com/oauth/v2/auth",
                    "https://accounts.zoho.com/oauth/v2/token",
                    "client_secret_post",
                    false,
                    "ZohoBooks.settings.READ,ZohoBooks.accountants.READ,ZohoBooks.invoices.READ,ZohoBooks.bills.READ"),
            "stripe",
            new Documented(
                    "https://docs.stripe.com/connect/oauth-reference",
                    "https://connect.stripe.com/oauth/authorize",
                    "https://connect.stripe.com/oauth/token",
                    "client_secret_post",
                    false,
                    "read_only"),
            "mollie",
            new Documented(
                    "https://docs.mollie.com/reference/authorize-endpoint",
                    "https://my.mollie.com/oauth2/authorize",
                    "https://api.mollie.com/oauth2/tokens",
                    "client_secret_basic",
                    false,
                    "orders.read payments.read settlements.read customers.read"),
            "sumup",
            new Documented(
                    "https://developer.sumup.com/tools/authorization/oauth/",
                    "https://api.sumup.com/authorize",
                    "https://api.sumup.com/token",
                    "client_secret_basic",
                    false,
                    "user.profile_readonly transactions.history"),
            "sage-business-cloud",
            new Documented(
                    "https://developer.sage.com/accounting/guides/authenticating/authentication/",
                    "https://www.sageone.com/oauth2/auth/central",
                    "https://oauth.accounting.sage.com/token",
                    "client_secret_post",
                    false,
                    "readonly"),
            "etsy",
            new Documented(
                    "https://developers.etsy.com/documentation/essentials/authentication/",
                    "https://www.etsy.com/oauth/connect",
                    "https://api.etsy.com/v3/public/oauth/token",
                    "client_secret_post",
                    true,
                    "transactions_r"));

    /**
     * Platforms whose provider needs something a preset cannot say (a per-account host, a redirect name in place of
     * the redirect URI, a JSON token request, a signed client assertion, a licence): docs/providers.md says why.
     */
    private static final Set<String> DELIBERATELY_WITHOUT_PRESET = Set.of(
            "netsuite", "ebay", "amazon-seller-central", "square", "revolut-business", "woocommerce", "prestashop");

    private static List<Platform> builtIn() throws Exception {
        try (var in = PlatformCatalog.class.getClassLoader().getResourceAsStream(PlatformCatalog.BUILT_IN)) {
            return PlatformCatalog.validate(new ObjectMapper().readValue(in, PlatformCatalog.File.class));
        }
    }

    private static Platform platform(String key) throws Exception {
        return builtIn().stream()
                .filter(p -> p.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no platform " + key));
    }

    @Test
    void everyPresetCitesItsSourceAndUsesHttpsEndpointsOnly() throws Exception {
        for (Platform platform : builtIn()) {
            if (platform.oauth().isEmpty()) {
                continue;
            }
            OAuthPreset preset = platform.oauth().get();
            assertTrue(preset.documentation().startsWith("https://"), platform.key() + " documentation");
            assertTrue(
                    preset.authorizationUrl().isPresent() && preset.tokenUrl().isPresent(), platform.key());
            Stream.of(
                            preset.authorizationUrl(),
                            preset.tokenUrl(),
                            preset.revocationUrl(),
                            preset.issuer(),
                            preset.apiUrl())
                    .flatMap(Optional::stream)
                    .forEach(url -> assertTrue(url.startsWith("https://"), platform.key() + ": " + url));
            assertTrue(
                    OAuthPreset.CLIENT_AUTHENTICATIONS.contains(preset.clientAuthentication()),
                    platform.key() + " client authentication");
            assertTrue(Set.of(" ", ",").contains(preset.scopeSeparator()), platform.key() + " scope separator");
        }
    }

    @Test
    void presetsAskOnlyForTheKindsOfDataTheirPlatformReads() throws Exception {
        for (Platform platform : builtIn()) {
            platform.oauth()
                    .ifPresent(preset -> preset.dataScopes().forEach((type, scopes) -> {
                        assertTrue(platform.reads().contains(type), platform.key() + " asks for " + type);
                        assertFalse(scopes.isEmpty(), platform.key() + " " + type + " names no scope");
                        scopes.forEach(scope -> assertFalse(scope.isBlank(), platform.key() + " blank scope"));
                    }));
        }
    }

    @Test
    void theScopesRequestedAreTheBaseScopesThenThoseOfEachKindReadWithoutRepeats() throws Exception {
        for (Platform platform : builtIn()) {
            if (platform.oauth().isEmpty()) {
                continue;
            }
            OAuthPreset preset = platform.oauth().get();
            LinkedHashSet<String> expected = new LinkedHashSet<>(preset.scopes());
            for (DataType type : platform.reads()) {
                expected.addAll(preset.dataScopes().getOrDefault(type, List.of()));
            }
            String requested = preset.scopesFor(platform.reads());
            assertEquals(String.join(preset.scopeSeparator(), expected), requested, platform.key());
            List<String> parts = requested.isEmpty() ? List.of() : List.of(requested.split(preset.scopeSeparator()));
            assertEquals(Set.copyOf(parts).size(), parts.size(), platform.key() + " repeats a scope: " + requested);
        }
    }

    @Test
    void presetEndpointsAreThoseTheProvidersDocument() throws Exception {
        for (Map.Entry<String, Documented> entry : DOCUMENTED.entrySet()) {
            Platform platform = platform(entry.getKey());
            Documented documented = entry.getValue();
            OAuthPreset preset =
                    platform.oauth().orElseThrow(() -> new AssertionError(entry.getKey() + " has no preset"));
            assertEquals(documented.documentation(), preset.documentation(), entry.getKey());
            assertEquals(Optional.of(documented.authorizationUrl()), preset.authorizationUrl(), entry.getKey());
            assertEquals(Optional.of(documented.tokenUrl()), preset.tokenUrl(), entry.getKey());
            assertEquals(documented.clientAuthentication(), preset.clientAuthentication(), entry.getKey());
            assertEquals(documented.pkce(), preset.pkce(), entry.getKey());
            assertEquals(documented.requestedScopes(), preset.scopesFor(platform.reads()), entry.getKey());
        }
    }

    @Test
    void zohoAsksForARefreshTokenTheWayZohoDocumentsIt() throws Exception {
        OAuthPreset zoho = platform("zoho-books").oauth().orElseThrow();
        assertEquals(Map.of("access_type", "offline", "prompt", "consent"), zoho.authorizeParameters());
        assertEquals(",", zoho.scopeSeparator());
    }

    @Test
    void sageListsOnlyTheCountriesServedByApiV31() throws Exception {
        assertEquals(
                Map.of("filter", "apiv3.1"),
                platform("sage-business-cloud").oauth().orElseThrow().authorizeParameters());
    }

    @Test
    void providersThatAPresetCannotDescribeHaveNone() throws Exception {
        for (String key : DELIBERATELY_WITHOUT_PRESET) {
            assertTrue(platform(key).oauth().isEmpty(), key + " must not carry a preset: see docs/providers.md");
        }
    }
}
