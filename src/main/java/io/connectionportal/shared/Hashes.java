package io.connectionportal.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one hash of the portal: for secrets it must recognise but never store (session tokens,
 * OAuth states, share-link tokens), PKCE challenges, long external ids and uploaded files' fingerprints.
 */
public final class Hashes {

    private Hashes() {}

    public static String sha256Hex(String value) {
        return HexFormat.of().formatHex(sha256(value.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] sha256(byte[] value) {
        return newSha256().digest(value);
    }

    /** A digest to feed a stream through, such as an upload on its way to disk. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
