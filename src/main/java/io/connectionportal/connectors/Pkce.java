package io.connectionportal.connectors;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.connectionportal.shared.Hashes;
import io.connectionportal.shared.RandomTokens;

/** PKCE with S256 (RFC 7636). */
public final class Pkce {

    private Pkce() {}

    public static String verifier() {
        return RandomTokens.next();
    }

    public static String challenge(String verifier) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(Hashes.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
    }
}
