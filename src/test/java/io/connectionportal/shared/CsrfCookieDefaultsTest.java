package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

/**
 * On https the CSRF cookie is Secure and host-only ({@code __Host-}), so no sibling subdomain can plant one; on http
 * (a laptop) it keeps its plain name, which browsers accept without Secure.
 */
class CsrfCookieDefaultsTest {

    private static final String HTTPS = "https://connect.example.com";

    @Test
    void onHttpsTheCookieIsSecureAndHostOnly() {
        SmallRyeConfig config = config(Map.of("portal.base-url", HTTPS));
        assertEquals("true", config.getRawValue(CsrfCookieDefaults.FORCE_SECURE));
        assertEquals("__Host-csrf-token", config.getRawValue(CsrfCookieDefaults.COOKIE_NAME));
    }

    @Test
    void onHttpTheCookieKeepsItsPlainNameWithoutSecure() {
        SmallRyeConfig config = config(Map.of("portal.base-url", "http://localhost:8080"));
        assertEquals("false", config.getRawValue(CsrfCookieDefaults.FORCE_SECURE));
        assertEquals(
                null, config.getRawValue(CsrfCookieDefaults.COOKIE_NAME), "quarkus-rest-csrf's default, csrf-token");
    }

    @Test
    void explicitSettingsWin() {
        SmallRyeConfig config = config(Map.of(
                "portal.base-url",
                HTTPS,
                CsrfCookieDefaults.FORCE_SECURE,
                "false",
                CsrfCookieDefaults.COOKIE_NAME,
                "my-csrf"));
        assertEquals("false", config.getRawValue(CsrfCookieDefaults.FORCE_SECURE));
        assertEquals("my-csrf", config.getRawValue(CsrfCookieDefaults.COOKIE_NAME));
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(new HashMap<>(properties), "test", 100))
                .withInterceptors(new CsrfCookieDefaults())
                .build();
    }
}
