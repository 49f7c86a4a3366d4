package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

/** The CSRF cookie is Secure when the portal is on https, and its tokens are signed with one key for all instances. */
class CsrfCookieDefaultsTest {

    private static final String KEY = "UY4UO+SHyzE6DtNi6UG20BfA4t501mEPxwi225s3VRQ=";
    private static final String OTHER_KEY = "O0RFFAH/Q9Get+vjUVdXEdf5SSkjLbQM0chKFiSgnjk=";

    @Test
    void theCookieIsSecureExactlyWhenTheBaseUrlIsHttps() {
        assertEquals(
                "true",
                config(Map.of("portal.base-url", "https://connect.example.com"))
                        .getRawValue(CsrfCookieDefaults.FORCE_SECURE));
        assertEquals(
                "false",
                config(Map.of("portal.base-url", "http://localhost:8080"))
                        .getRawValue(CsrfCookieDefaults.FORCE_SECURE));
        assertEquals(
                "false",
                config(Map.of(
                                "portal.base-url",
                                "https://connect.example.com",
                                CsrfCookieDefaults.FORCE_SECURE,
                                "false"))
                        .getRawValue(CsrfCookieDefaults.FORCE_SECURE),
                "an explicit setting wins");
    }

    @Test
    void instancesWithTheSameTokenKeySignWithTheSameKeyWhichIsNotTheTokenKey() {
        String one = signatureKey(Map.of("portal.token-encryption-key", KEY));
        String two = signatureKey(Map.of("portal.token-encryption-key", KEY));
        assertEquals(one, two);
        assertNotEquals(KEY, one);
        assertTrue(one.length() >= 32, "rest-csrf needs at least 32 characters");

        String rotated = signatureKey(Map.of(
                "portal.token-encryption-key", KEY,
                "portal.token-keys.k2", OTHER_KEY,
                "portal.token-key-current", "k2"));
        assertNotEquals(one, rotated, "follows the current key");
        assertEquals(
                "explicit-key-of-at-least-thirty-two-characters",
                signatureKey(Map.of(
                        "portal.token-encryption-key",
                        KEY,
                        CsrfCookieDefaults.SIGNATURE_KEY,
                        "explicit-key-of-at-least-thirty-two-characters")));
    }

    @Test
    void withoutAConfiguredTokenKeyTokensAreStillSigned() {
        String key = signatureKey(Map.of());
        assertFalse(key.isBlank());
        assertTrue(key.length() >= 32);
    }

    private static String signatureKey(Map<String, String> properties) {
        return config(properties).getRawValue(CsrfCookieDefaults.SIGNATURE_KEY);
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(new HashMap<>(properties), "test", 100))
                .withInterceptors(new CsrfCookieDefaults())
                .build();
    }
}
