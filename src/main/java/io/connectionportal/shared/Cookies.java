package io.connectionportal.shared;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

/**
 * Every cookie the portal sets is made here, so none can miss a flag: HttpOnly (no script reads them),
 * SameSite=Lax (sent on the provider's top-level redirect back, not on cross-site posts), path {@code /},
 * and Secure whenever the portal's public address is https.
 */
@ApplicationScoped
public class Cookies {

    private final boolean secure;

    Cookies(PortalConfig config) {
        this.secure = config.baseUrl().startsWith("https://");
    }

    public NewCookie of(String name, String value, Duration maxAge) {
        return builder(name, value).maxAge((int) maxAge.toSeconds()).build();
    }

    /** Tells the browser to drop the cookie now. */
    public NewCookie expired(String name) {
        return builder(name, "").maxAge(0).build();
    }

    private NewCookie.Builder builder(String name, String value) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX);
    }
}
