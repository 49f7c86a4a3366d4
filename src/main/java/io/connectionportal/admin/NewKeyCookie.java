package io.connectionportal.admin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

import io.connectionportal.api.ApiKeys.CreatedKey;
import io.connectionportal.connectors.TokenCipher;
import io.connectionportal.shared.Cookies;

/**
 * Carries a new API key from the POST that made it to the one page that shows it (post/redirect/get), in a cookie
 * encrypted with the token key and bound to the admin who made it, so it works on any instance. The page reads it
 * once and clears it, so a reload, the back button or another admin never see the key again.
 */
@ApplicationScoped
class NewKeyCookie {

    static final String NAME = "admin_new_key";
    static final Duration LIFETIME = Duration.ofMinutes(2);

    /** What the page shows: the key's name and its only clear copy. */
    record Revealed(String name, String key) {}

    private final TokenCipher cipher;
    private final Cookies cookies;

    NewKeyCookie(TokenCipher cipher, Cookies cookies) {
        this.cipher = cipher;
        this.cookies = cookies;
    }

    NewCookie of(CreatedKey created, long adminUserId) {
        String sealed = cipher.encrypt(created.name() + "\n" + created.key(), boundTo(adminUserId));
        return cookies.of(
                NAME,
                Base64.getUrlEncoder().withoutPadding().encodeToString(sealed.getBytes(StandardCharsets.UTF_8)),
                LIFETIME);
    }

    /** The key in the cookie if there is one this admin's session made; anything else is ignored. */
    Optional<Revealed> read(String cookie, long adminUserId) {
        if (cookie == null || cookie.isEmpty()) {
            return Optional.empty();
        }
        try {
            String sealed = new String(Base64.getUrlDecoder().decode(cookie), StandardCharsets.UTF_8);
            String[] parts = cipher.decrypt(sealed, boundTo(adminUserId)).split("\n", 2);
            return parts.length == 2 ? Optional.of(new Revealed(parts[0], parts[1])) : Optional.empty();
        } catch (RuntimeException tamperedOrStale) {
            return Optional.empty();
        }
    }

    NewCookie cleared() {
        return cookies.expired(NAME);
    }

    private static String boundTo(long adminUserId) {
        return "admin-new-api-key:" + adminUserId;
    }
}
