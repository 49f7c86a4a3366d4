package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;

import jakarta.ws.rs.core.NewCookie;

import org.junit.jupiter.api.Test;

/** Every cookie the portal sets (session, language, flash, browser binding) comes from {@link Cookies}. */
class CookiesTest {

    @Test
    void cookiesAreHttpOnlyLaxAndSecureOnHttps() {
        NewCookie cookie = cookiesFor("https://portal.example").of("lang", "fr", Duration.ofDays(365));
        assertTrue(cookie.isHttpOnly());
        assertTrue(cookie.isSecure());
        assertEquals(NewCookie.SameSite.LAX, cookie.getSameSite());
        assertEquals("/", cookie.getPath());
        assertEquals(365 * 24 * 3600, cookie.getMaxAge());
    }

    @Test
    void onPlainHttpTheyAreNotMarkedSecureSoALocalPortalStillWorks() {
        assertFalse(cookiesFor("http://localhost:8080")
                .of("flash", "x", Duration.ofMinutes(1))
                .isSecure());
    }

    @Test
    void anExpiredCookieIsEmptyAndGoesAtOnce() {
        NewCookie cookie = cookiesFor("https://portal.example").expired("cp_session");
        assertEquals("", cookie.getValue());
        assertEquals(0, cookie.getMaxAge());
        assertTrue(cookie.isSecure());
    }

    private static Cookies cookiesFor(String baseUrl) {
        PortalConfig config = (PortalConfig) Proxy.newProxyInstance(
                PortalConfig.class.getClassLoader(), new Class<?>[] {PortalConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("baseUrl")) {
                        return baseUrl;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new Cookies(config);
    }
}
