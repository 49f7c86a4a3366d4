package io.connectionportal.connectors;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The test profile's token keys (application.properties) and one declared lost, to write values as an older
 * install, another key or a lost key would have: tests of other packages use it to simulate a lost key.
 */
public final class TestKeys {

    /** {@code %test.portal.token-encryption-key}: the key id {@code default}, which wrote the v1 values. */
    public static final String DEFAULT_KEY = "UY4UO+SHyzE6DtNi6UG20BfA4t501mEPxwi225s3VRQ=";
    /** {@code %test.portal.token-keys.k2}, the current key. */
    public static final String K2_KEY = "O0RFFAH/Q9Get+vjUVdXEdf5SSkjLbQM0chKFiSgnjk=";
    /** A key under the id {@code lost}, which the test profile lists in {@code portal.token-lost-keys}. */
    public static final String LOST_KEY = "B/vsLu1NqHZk72HE/+uGE6kPlGJvM+uoPT1Nyxea8VE=";

    private TestKeys() {}

    /** A cipher whose only (and current) key is {@code base64Key} under {@code id}. */
    static TokenCipher cipher(String id, String base64Key) {
        return new TokenCipher(keys(id, base64Key));
    }

    static TokenKeys keys(String id, String base64Key) {
        return TokenKeys.configured(Map.of(id, base64Key), Optional.of(id), Optional.empty(), Set.of())
                .orElseThrow();
    }

    /** {@code v2:lost:…}: no configured key will ever open it. */
    public static String underLostKey(String plaintext, String boundTo) {
        return cipher("lost", LOST_KEY).encrypt(plaintext, boundTo);
    }

    /** {@code v2:default:…}: under the older key, still configured. */
    public static String underDefaultKey(String plaintext, String boundTo) {
        return cipher(TokenKeys.DEFAULT_ID, DEFAULT_KEY).encrypt(plaintext, boundTo);
    }

    /** {@code v1:…}, exactly as the single key of earlier versions wrote it (no key id). */
    public static String v1(String base64Key, String plaintext, String boundTo) {
        try {
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.ENCRYPT_MODE,
                    new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES"),
                    new GCMParameterSpec(128, iv));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return "v1:" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
