package io.connectionportal.shared;

import java.security.SecureRandom;
import java.util.Base64;

/** Every unguessable value the portal hands out: OAuth states and PKCE verifiers, sessions, share links, browser bindings. */
public final class RandomTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {}

    /** 32 random bytes, base64url: 43 characters (the bottom of RFC 7636's 43-128 range), 256 bits of entropy. */
    public static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
