package io.connectionportal.connectors;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Encrypts tokens at rest with AES-256-GCM. Each value is bound to where it is stored (the associated
 * data, e.g. {@code connection:42:access}), so a ciphertext copied to another row does not decrypt, and
 * names the key that encrypted it: {@code v2:<key id>:<base64>}. Values written before key ids existed
 * ({@code v1:<base64>}) were written by the single key of {@code portal.token-encryption-key} or the key
 * file, which has the id {@code default}. New values use the current key; {@link TokenRotation} moves older
 * ones to it. The keys come from {@link TokenKeySetup}, which checks them against the database at start-up.
 */
@ApplicationScoped
public class TokenCipher {

    private static final String V1 = "v1:";
    private static final String V2 = "v2:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A stored value that no configured key opens. Its message names key ids, never a token. */
    public static final class UndecryptableTokenException extends IllegalStateException {

        /** Why the value does not open. */
        public enum Reason {
            /** Its key is listed in {@code portal.token-lost-keys}: it will never open again. */
            KEY_LOST,
            /** Its key is not configured on this instance (another instance may know it). */
            KEY_UNKNOWN,
            /** Its key is configured but the value does not open: tampered with, or written under another key. */
            NO_MATCH
        }

        private final Reason reason;

        UndecryptableTokenException(Reason reason, String message) {
            super(message, null);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }

        /** True when no configuration change will open it: whoever authorized must do it again. */
        public boolean needsReconnection() {
            return reason != Reason.KEY_UNKNOWN;
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Supplier<TokenKeys> keys;

    @Inject
    TokenCipher(TokenKeySetup setup) {
        this.keys = setup::keys;
    }

    TokenCipher(TokenKeys keys) {
        this.keys = () -> keys;
    }

    /** Encrypts under the current key, bound to {@code boundTo}. */
    public String encrypt(String plaintext, String boundTo) {
        TokenKeys ring = keys.get();
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, ring.current(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return V2 + ring.currentId() + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Token encryption failed", e);
        }
    }

    /** The plaintext; {@link UndecryptableTokenException} when no configured key opens it. */
    public String decrypt(String stored, String boundTo) {
        String id = keyId(stored)
                .orElseThrow(() -> new UndecryptableTokenException(
                        UndecryptableTokenException.Reason.NO_MATCH, "Not an encrypted token value"));
        TokenKeys ring = keys.get();
        if (ring.lost(id)) {
            throw new UndecryptableTokenException(
                    UndecryptableTokenException.Reason.KEY_LOST,
                    "The token was encrypted with the token key '" + id + "', listed in portal.token-lost-keys");
        }
        SecretKeySpec key = ring.key(id)
                .orElseThrow(() -> new UndecryptableTokenException(
                        UndecryptableTokenException.Reason.KEY_UNKNOWN,
                        "The token was encrypted with the token key '" + id + "', which is not configured here ("
                                + TokenKeys.setting(id) + ")"));
        try {
            String payload = stored.startsWith(V1)
                    ? stored.substring(V1.length())
                    : stored.substring(V2.length() + id.length() + 1);
            byte[] in = Base64.getDecoder().decode(payload);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UndecryptableTokenException(
                    UndecryptableTokenException.Reason.NO_MATCH,
                    "A stored token could not be decrypted with the token key '" + id
                            + "' (another key under the same id, or a tampered value)");
        }
    }

    /** Whether the value is already encrypted under the current key (nothing for {@link TokenRotation} to do). */
    public boolean underCurrentKey(String stored) {
        return stored != null && stored.startsWith(V2 + keys.get().currentId() + ":");
    }

    /** The same plaintext under the current key, still bound to {@code boundTo}. */
    String reencrypt(String stored, String boundTo) {
        return encrypt(decrypt(stored, boundTo), boundTo);
    }

    /** The id of the key a value was encrypted with: {@code default} for {@code v1:} values; empty when not ours. */
    static Optional<String> keyId(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        if (stored.startsWith(V1)) {
            return Optional.of(TokenKeys.DEFAULT_ID);
        }
        int end = stored.indexOf(':', V2.length());
        return stored.startsWith(V2) && end > V2.length()
                ? Optional.of(stored.substring(V2.length(), end))
                : Optional.empty();
    }
}
