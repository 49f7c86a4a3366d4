package io.connectionportal.sandbox;

import jakarta.enterprise.context.ApplicationScoped;

import io.connectionportal.platforms.Platform;
import io.connectionportal.shared.PortalConfig;

/**
 * The one client registered with the sandbox: the portal's connector, with its secret and its single
 * redirect URI, compared as an exact string (no prefix or pattern matching, so no open redirect).
 */
@ApplicationScoped
class SandboxClient {

    private final SandboxConfig config;
    private final PortalConfig portal;

    SandboxClient(SandboxConfig config, PortalConfig portal) {
        this.config = config;
        this.portal = portal;
    }

    String id() {
        return config.clientId();
    }

    boolean known(String clientId) {
        return config.clientId().equals(clientId);
    }

    boolean authenticates(String clientId, String secret) {
        return known(clientId) && Secrets.same(config.clientSecret(), secret);
    }

    String redirectUri() {
        return baseUrl() + "/connect/callback";
    }

    boolean registered(String redirectUri) {
        return redirectUri().equals(redirectUri);
    }

    /** The issuer identifier sent back with every authorization response (RFC 9207). */
    String issuer(Platform platform) {
        return baseUrl() + "/sandbox/" + platform.key();
    }

    /** The name the consent page shows for the client: the integrator's product. */
    String displayName() {
        return portal.productName();
    }

    /** Used verbatim, exactly as the connector builds its URIs, so the exact-match comparison holds. */
    private String baseUrl() {
        return portal.baseUrl();
    }
}
