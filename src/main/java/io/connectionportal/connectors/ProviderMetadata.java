package io.connectionportal.connectors;

import java.util.Optional;

/** What a provider publishes about itself (OpenID Connect Discovery or RFC 8414), as far as connecting needs it. */
record ProviderMetadata(
        String issuer,
        Optional<String> authorizationEndpoint,
        Optional<String> tokenEndpoint,
        Optional<String> revocationEndpoint,
        boolean issParameterSupported) {}
