package io.connectionportal.shared;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * Asks for the password again before a sensitive action (ASVS 3.7.1): deleting a connection, exporting all data,
 * changing the password, deleting the account. A stolen session, or a browser left open, is then not enough.
 * The answer is good for {@code portal.session.reauthentication-valid-for} in this session only.
 */
@ApplicationScoped
public class Reauthentication {

    /** The page that asks for the password and then returns to where the user was going. */
    public static final String PAGE = "/account/confirm";

    private final CurrentUser viewer;
    private final PortalConfig config;

    Reauthentication(CurrentUser viewer, PortalConfig config) {
        this.viewer = viewer;
        this.config = config;
    }

    public boolean fresh() {
        Instant since = Instant.now().minus(config.session().reauthenticationValidFor());
        return viewer.reauthenticatedAt().filter(at -> at.isAfter(since)).isPresent();
    }

    /**
     * Empty when the password was asked recently enough; otherwise the redirect to {@link #PAGE}, which comes
     * back to {@code returnTo} (a local GET page: after a POST, the page that confirms it).
     */
    public Optional<Response> required(String returnTo) {
        if (fresh()) {
            return Optional.empty();
        }
        String next = URLEncoder.encode(SafeRedirect.localPath(returnTo, "/account"), StandardCharsets.UTF_8);
        return Optional.of(Response.seeOther(URI.create(PAGE + "?next=" + next)).build());
    }
}
