package io.connectionportal.sandbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the built-in sandbox provider, under the {@code sandbox.} prefix. */
@ConfigMapping(prefix = "sandbox")
public interface SandboxConfig {

    /** The one client the sandbox knows: the portal's own connector. */
    @WithDefault("connection-portal")
    String clientId();

    /** Shared with the connector's configuration; only the sandbox ever sees it, so a fixed default is acceptable. */
    @WithDefault("sandbox-secret")
    String clientSecret();

    /** Short on purpose, so the portal's refresh path is exercised in every demo. */
    @WithDefault("5m")
    Duration accessTokenLifetime();

    @WithDefault("30d")
    Duration refreshTokenLifetime();

    /** RFC 6749 §4.1.2 recommends at most ten minutes; the browser is back at the portal within seconds. */
    @WithDefault("60s")
    Duration codeLifetime();
}
