package io.connectionportal.connect;

import java.time.Duration;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import io.connectionportal.shared.Cookies;
import io.connectionportal.shared.RandomTokens;

/**
 * A random value in an HttpOnly cookie that ties an OAuth state to the browser that asked for it:
 * a state replayed from another browser, or planted in someone else's, finds no matching cookie.
 * SameSite=Lax still sends it on the provider's top-level redirect back to the callback.
 */
final class BrowserBinding {

    static final String COOKIE = "cp_connect";

    private BrowserBinding() {}

    /** The browser's existing secret, or a new one to set with {@link #cookie}. */
    static String secret(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(COOKIE);
        return cookie != null && cookie.getValue().length() >= 32 ? cookie.getValue() : RandomTokens.next();
    }

    static String existing(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    static NewCookie cookie(String secret, Cookies cookies) {
        return cookies.of(COOKIE, secret, Duration.ofHours(1));
    }
}
