package io.connectionportal.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.WithParentName;
import org.junit.jupiter.api.Test;

import io.connectionportal.connectors.ConnectorSettings.ClientAuthentication;
import io.connectionportal.platforms.Category;
import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.OAuthPreset;
import io.connectionportal.platforms.Platform;

/**
 * Connector settings as an operator writes them (properties, quoted or not, and environment variables), resolved
 * without a Quarkus boot: what reaches which platform, and every mistake listed, one line each, in one start-up error.
 */
class ConnectorResolutionTest {

    private static final String REDIRECT = "https://portal.example/connect/callback";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final OAuthPreset QUICKBOOKS_PRESET = new OAuthPreset(
            "https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0",
            Optional.of("https://appcenter.intuit.com/connect/oauth2"),
            Optional.of("https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"),
            Optional.of("https://developer.api.intuit.com/v2/oauth2/tokens/revoke"),
            Optional.empty(),
            List.of("com.intuit.quickbooks.accounting"),
            Map.of(),
            " ",
            false,
            "client_secret_basic",
            Map.of(),
            Optional.of("realmId"),
            Optional.empty(),
            Optional.empty(),
            Optional.of("https://quickbooks.api.intuit.com"),
            "json",
            Map.of(),
            false,
            false);

    /** quickbooks-online has a preset; the others have none. */
    private static final List<Platform> CATALOG = List.of(
            platform("quickbooks-online", Optional.of(QUICKBOOKS_PRESET)),
            platform("tiime", Optional.empty()),
            platform("indy", Optional.empty()),
            platform("myob", Optional.empty()),
            platform("freshbooks", Optional.empty()),
            platform("wave", Optional.empty()),
            platform("zoho-books", Optional.empty()),
            platform("xero", Optional.empty()));

    private static Platform platform(String key, Optional<OAuthPreset> preset) {
        return new Platform(
                key,
                key,
                Category.ACCOUNTING,
                "https://" + key + ".example",
                java.util.Optional.empty(),
                true,
                List.of(DataType.INVOICES),
                List.of(),
                List.of(),
                preset,
                java.util.Optional.empty(),
                false,
                java.util.Optional.empty());
    }

    private static SmallRyeConfig config(Map<String, String> properties, Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
    }

    private static Map<String, ConnectorSettings> resolve(Map<String, String> properties, Map<String, String> env) {
        return ConnectorResolution.resolve(config(properties, env), CATALOG, REDIRECT, () -> HTTP, new ObjectMapper());
    }

    /** The start-up error's lines, one per problem. */
    private static List<String> problems(Map<String, String> properties, Map<String, String> env) {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> resolve(properties, env));
        String[] lines = error.getMessage().split("\n");
        assertEquals("The connector settings are invalid:", lines[0]);
        return Arrays.stream(lines).skip(1).map(line -> line.substring(2)).toList();
    }

    /** Everything a platform without a preset needs, under {@code portal.connectors.<key>.}. */
    private static Map<String, String> complete(String key) {
        String prefix = "portal.connectors." + key + ".";
        Map<String, String> settings = new HashMap<>();
        settings.put(prefix + "client-id", key + "-id");
        settings.put(prefix + "client-secret", key + "-secret");
        settings.put(prefix + "authorization-url", "https://" + key + ".example/authorize");
        settings.put(prefix + "token-url", "https://" + key + ".example/token");
        return settings;
    }

    @Test
    void aPlatformWithAPresetNeedsOnlyItsClientIdAndSecretGivenAsEnvironmentVariables() {
        Map<String, ConnectorSettings> resolved = resolve(
                Map.of(),
                Map.of(
                        "PORTAL_CONNECTORS_QUICKBOOKS_ONLINE_CLIENT_ID", "qbo-id",
                        "PORTAL_CONNECTORS_QUICKBOOKS_ONLINE_CLIENT_SECRET", "qbo-secret"));
        ConnectorSettings quickbooks = resolved.get("quickbooks-online");
        assertEquals("qbo-id", quickbooks.clientId());
        assertEquals("qbo-secret", quickbooks.clientSecret());
        assertEquals("https://appcenter.intuit.com/connect/oauth2", quickbooks.authorizationUrl());
        assertEquals("https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer", quickbooks.tokenUrl());
        assertEquals(Optional.of("realmId"), quickbooks.accountParameter());
        assertEquals("com.intuit.quickbooks.accounting", quickbooks.scopes());
        assertEquals(REDIRECT, quickbooks.redirectUri());
        assertFalse(quickbooks.sandbox());
        assertEquals(List.of("quickbooks-online"), List.copyOf(resolved.keySet()), "only configured platforms");
    }

    @Test
    void quotedAndUnquotedPropertiesBothReachThePlatformAndExplicitSettingsOverrideThePreset() {
        Map<String, ConnectorSettings> resolved = resolve(
                Map.of(
                        "portal.connectors.\"quickbooks-online\".client-id", "quoted-id",
                        "portal.connectors.quickbooks-online.client-secret", "unquoted-secret",
                        "portal.connectors.quickbooks-online.token-url", "https://proxy.example/token",
                        "portal.connectors.quickbooks-online.client-authentication", "client_secret_post"),
                Map.of());
        ConnectorSettings quickbooks = resolved.get("quickbooks-online");
        assertEquals("quoted-id", quickbooks.clientId());
        assertEquals("unquoted-secret", quickbooks.clientSecret());
        assertEquals("https://proxy.example/token", quickbooks.tokenUrl(), "explicit wins over the preset");
        assertEquals("https://appcenter.intuit.com/connect/oauth2", quickbooks.authorizationUrl());
        assertEquals(ClientAuthentication.CLIENT_SECRET_POST, quickbooks.clientAuthentication());
    }

    @Test
    void anEnvironmentVariableOverridesTheSameSettingInTheFileWhicheverFormTheFileUses() {
        for (String fileForm : List.of(
                "portal.connectors.\"quickbooks-online\".client-id", "portal.connectors.quickbooks-online.client-id")) {
            Map<String, ConnectorSettings> resolved = resolve(
                    Map.of(fileForm, "from-file", "portal.connectors.quickbooks-online.client-secret", "s"),
                    Map.of("PORTAL_CONNECTORS_QUICKBOOKS_ONLINE_CLIENT_ID", "from-environment"));
            assertEquals("from-environment", resolved.get("quickbooks-online").clientId(), fileForm);
        }
    }

    @Test
    void everyMistakeIsOneLineOfOneStartUpError() {
        Map<String, String> properties = new HashMap<>();
        properties.put("portal.connectors.nosuchplatform.client-id", "x");
        properties.put("portal.connectors.xero.colour", "blue");
        properties.put("portal.connector.\"xero\".client-id", "old");
        Map<String, String> tiime = complete("tiime");
        tiime.remove("portal.connectors.tiime.token-url");
        properties.putAll(tiime);
        Map<String, String> indy = complete("indy");
        indy.remove("portal.connectors.indy.client-secret");
        properties.putAll(indy);
        properties.putAll(complete("myob"));
        properties.put("portal.connectors.myob.client-authentication", "client_secret_jwt");
        properties.putAll(complete("freshbooks"));
        properties.put("portal.connectors.freshbooks.iss-parameter-supported", "yes");
        properties.putAll(complete("wave"));
        properties.put("portal.connectors.wave.token-url", "http://wave.example/token");
        properties.put("portal.connectors.zoho-books.client-id", "z");
        properties.put("portal.connectors.zoho-books.client-secret", "z");
        // Port 9 (discard) on loopback: nothing listens, so the connection is refused at once.
        properties.put(
                "portal.connectors.zoho-books.discovery-url",
                "http://127.0.0.1:9/zoho/.well-known/openid-configuration");
        Map<String, String> env =
                Map.of("PORTAL_CONNECTORS_NOTHING_AT_ALL", "x", "PORTAL_CONNECTOR_XERO_CLIENT_ID", "old");

        List<String> problems = problems(properties, env);

        assertEquals(11, problems.size(), String.join("\n", problems));
        assertOne(problems, "portal.connectors.nosuchplatform.client-id: the catalog has no platform 'nosuchplatform'");
        assertOne(problems, "portal.connectors.xero.colour: unknown setting 'colour'");
        assertOne(problems, "portal.connector.\"xero\".client-id: the settings moved to portal.connectors.");
        assertOne(problems, "PORTAL_CONNECTOR_XERO_CLIENT_ID: the settings moved to PORTAL_CONNECTORS_");
        assertOne(problems, "PORTAL_CONNECTORS_NOTHING_AT_ALL: names no catalog platform and setting");
        assertOne(problems, "portal.connectors.tiime.token-url is required (the catalog has no preset for tiime)");
        assertOne(problems, "portal.connectors.indy.client-secret is required");
        assertOne(problems, "portal.connectors.myob.client-authentication: 'client_secret_jwt' is not");
        assertOne(problems, "portal.connectors.freshbooks.iss-parameter-supported: 'yes' is not true or false");
        assertOne(problems, "portal.connectors.wave.token-url: http://wave.example/token must be an https:// address");
        assertOne(problems, "portal.connectors.zoho-books.discovery-url is unusable: http://127.0.0.1:9/");
    }

    @Test
    void localhostMayBeReachedOverHttpAndNothingElse() {
        assertTrue(ConnectorResolution.acceptable("http://localhost:8090/tiime/token"));
        assertTrue(ConnectorResolution.acceptable("http://127.0.0.1:8090/token"));
        assertTrue(ConnectorResolution.acceptable("https://{shop}.myshopify.com/admin/oauth/access_token"));
        assertFalse(ConnectorResolution.acceptable("http://provider.example/token"));
        assertFalse(ConnectorResolution.acceptable("ftp://localhost/token"));
        assertFalse(ConnectorResolution.acceptable("not a url"));
    }

    /** What {@code @ConfigMapping} would have made of the same settings: why the settings are read by hand. */
    @ConfigMapping(prefix = "portal.connectors")
    interface AsConfigMapping {

        @WithParentName
        Map<String, Settings> platforms();

        interface Settings {
            Optional<String> clientId();

            Optional<String> clientSecret();
        }
    }

    @Test
    void aConfigMappingLosesTheDashedPlatformKeyOfAnEnvironmentVariable() {
        Map<String, String> env = Map.of(
                "PORTAL_CONNECTORS_QUICKBOOKS_ONLINE_CLIENT_ID", "qbo-id",
                "PORTAL_CONNECTORS_QUICKBOOKS_ONLINE_CLIENT_SECRET", "qbo-secret");
        SmallRyeConfig mapped = new SmallRyeConfigBuilder()
                .withMapping(AsConfigMapping.class)
                .withSources(new EnvConfigSource(env, 300))
                .build();
        Map<String, AsConfigMapping.Settings> platforms =
                mapped.getConfigMapping(AsConfigMapping.class).platforms();
        assertFalse(
                platforms.containsKey("quickbooks-online")
                        && platforms.get("quickbooks-online").clientId().isPresent(),
                "SmallRye found: " + platforms.keySet());

        assertEquals("qbo-id", resolve(Map.of(), env).get("quickbooks-online").clientId(), "read by hand, it is found");
    }

    @Test
    void anAccessLifetimeAloneLeavesThePlatformInTheSandboxAndABadOneIsNamed() {
        Map<String, String> properties = Map.of(
                "portal.connectors.xero.access-lifetime", "P90D",
                "portal.connectors.tiime.access-lifetime", "none");
        assertTrue(
                resolve(properties, Map.of("PORTAL_CONNECTORS_WAVE_ACCESS_LIFETIME", "P180D"))
                        .isEmpty(),
                "no provider setting, so no real provider");
        List<String> problems = new java.util.ArrayList<>();
        var configuration = ConnectorConfiguration.read(
                config(properties, Map.of("PORTAL_CONNECTORS_WAVE_ACCESS_LIFETIME", "P180D")),
                java.util.Set.of("xero", "tiime", "wave"));
        assertEquals(
                Map.of("xero", Duration.ofDays(90), "tiime", Duration.ZERO, "wave", Duration.ofDays(180)),
                configuration.accessLifetimes(problems));
        assertTrue(problems.isEmpty(), problems.toString());

        ConnectorConfiguration.read(
                        config(Map.of("portal.connectors.xero.access-lifetime", "90 days"), Map.of()),
                        java.util.Set.of("xero"))
                .accessLifetimes(problems);
        assertEquals(
                List.of("portal.connectors.xero.access-lifetime: '90 days' is not a positive ISO-8601 duration such as"
                        + " P90D, nor none"),
                problems);
    }

    private static void assertOne(List<String> problems, String start) {
        assertEquals(
                1,
                problems.stream().filter(p -> p.contains(start)).count(),
                "one line with: " + start + "\n" + String.join("\n", problems));
    }
}
