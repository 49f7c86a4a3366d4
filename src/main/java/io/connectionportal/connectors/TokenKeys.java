package io.connectionportal.connectors;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token keys by id, the current one (which encrypts new values), and the ids declared lost for good.
 * A key's check value (an HMAC of a fixed text) is what {@code token_key_check} keeps, so a start-up can
 * tell that a configured key is the one that encrypted the stored values without holding the key itself.
 */
final class TokenKeys {

    /** The id of the single key of {@code portal.token-encryption-key} or the key file; it wrote the {@code v1:} values. */
    static final String DEFAULT_ID = "default";

    private static final Pattern ID = Pattern.compile("[a-z0-9]{1,16}");
    private static final byte[] CHECK_TEXT = "connection-portal token key check".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, SecretKeySpec> keys;
    private final String currentId;
    private final Set<String> lost;

    private TokenKeys(Map<String, SecretKeySpec> keys, String currentId, Set<String> lost) {
        this.keys = Map.copyOf(keys);
        this.currentId = currentId;
        this.lost = Set.copyOf(lost);
    }

    /** One key under {@link #DEFAULT_ID}: {@code portal.token-encryption-key}, or the key file. */
    static TokenKeys single(String base64, String setting) {
        return new TokenKeys(Map.of(DEFAULT_ID, decode(base64, setting)), DEFAULT_ID, Set.of());
    }

    /**
     * The configured keys: {@code portal.token-keys.<id>} plus {@code portal.token-encryption-key} as the
     * {@link #DEFAULT_ID} key. Empty when neither is set (the key file is used then).
     */
    static Optional<TokenKeys> configured(
            Map<String, String> byId, Optional<String> current, Optional<String> single, Set<String> lost) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        byId.forEach((id, base64) -> {
            if (!ID.matcher(id).matches()) {
                throw new IllegalStateException(
                        "portal.token-keys." + id
                                + ": a key id is 1 to 16 lower-case letters and digits (it is written into every value it encrypts)");
            }
            keys.put(id, decode(base64, "portal.token-keys." + id));
        });
        single.ifPresent(base64 -> {
            SecretKeySpec key = decode(base64, "portal.token-encryption-key");
            SecretKeySpec same = keys.putIfAbsent(DEFAULT_ID, key);
            if (same != null && !MessageDigest.isEqual(same.getEncoded(), key.getEncoded())) {
                throw new IllegalStateException(
                        "portal.token-encryption-key and portal.token-keys.default are both set, to different keys: keep one");
            }
        });
        if (keys.isEmpty()) {
            current.ifPresent(id -> {
                throw new IllegalStateException(
                        "portal.token-key-current is " + id + " but no portal.token-keys." + id + " is configured");
            });
            return Optional.empty();
        }
        String currentId = current.orElseGet(() -> {
            if (keys.size() > 1) {
                throw new IllegalStateException("Several token keys are configured (" + String.join(", ", keys.keySet())
                        + "): set portal.token-key-current to the one that encrypts new values");
            }
            return keys.keySet().iterator().next();
        });
        if (!keys.containsKey(currentId)) {
            throw new IllegalStateException("portal.token-key-current is " + currentId + " but no portal.token-keys."
                    + currentId + " is configured");
        }
        for (String id : lost) {
            if (keys.containsKey(id)) {
                throw new IllegalStateException("portal.token-lost-keys names " + id
                        + ", which is also configured: a lost key cannot be used again; give a new key a new id");
            }
        }
        return Optional.of(new TokenKeys(keys, currentId, lost));
    }

    TokenKeys withLost(Set<String> ids) {
        return new TokenKeys(keys, currentId, ids);
    }

    String currentId() {
        return currentId;
    }

    SecretKeySpec current() {
        return keys.get(currentId);
    }

    Optional<SecretKeySpec> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    Set<String> ids() {
        return keys.keySet();
    }

    boolean lost(String id) {
        return lost.contains(id);
    }

    /** The check value of key {@code id}, to store in {@code token_key_check}. */
    String checkValue(String id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.get(id).getEncoded(), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(CHECK_TEXT));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute a token key check value", e);
        }
    }

    /** Whether the configured key {@code id} is the one a stored check value was made with. */
    boolean matches(String id, String storedCheckValue) {
        return MessageDigest.isEqual(
                checkValue(id).getBytes(StandardCharsets.US_ASCII),
                storedCheckValue.getBytes(StandardCharsets.US_ASCII));
    }

    /** The setting that holds key {@code id}, for error messages. */
    static String setting(String id) {
        return DEFAULT_ID.equals(id)
                ? "portal.token-encryption-key (PORTAL_TOKEN_ENCRYPTION_KEY) or portal.token-keys.default"
                : "portal.token-keys." + id + " (PORTAL_TOKEN_KEYS_" + id.toUpperCase(Locale.ROOT) + ")";
    }

    static SecretKeySpec decode(String base64, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            bytes = new byte[0];
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(setting + " must be 32 bytes, base64-encoded (openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
