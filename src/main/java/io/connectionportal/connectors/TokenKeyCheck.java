package io.connectionportal.connectors;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.logging.Log;

/**
 * The start-up check: refuses to run with keys that cannot open what the database holds, naming the
 * setting to fix. A key with a check value in {@code token_key_check} must match it; a key id that has
 * encrypted values but is not configured (and not declared lost) stops the start; values under a key with
 * no check value yet (the {@code v1:} values of an upgrade) must open with it, at least some of them.
 */
final class TokenKeyCheck {

    /** How many values are tried per key that has no check value yet. */
    static final int SAMPLE = 20;

    /** What the database holds, as far as the check needs it. */
    interface Stored {
        /** Check values by key id. */
        Map<String, String> checkValues();

        /** Whether any value is encrypted under {@code keyId} ({@code default} includes {@code v1:} values). */
        boolean anyUnder(String keyId);

        /** Up to {@code max} values per column encrypted under {@code keyId}, newest first. */
        List<TokenKeyStore.Sealed> samples(String keyId, int max);
    }

    private TokenKeyCheck() {}

    /** Throws an {@link IllegalStateException} listing every problem, each with the setting that fixes it. */
    static void verify(TokenKeys keys, Stored stored) {
        Map<String, String> checks = stored.checkValues();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> check : checks.entrySet()) {
            String id = check.getKey();
            if (keys.lost(id)) {
                continue;
            }
            if (keys.key(id).isPresent()) {
                if (!keys.matches(id, check.getValue())) {
                    problems.add(wrongKey(id, "its check value in token_key_check does not match"));
                }
            } else if (stored.anyUnder(id)) {
                problems.add(missingKey(id));
            }
        }
        Set<String> unchecked = new LinkedHashSet<>(keys.ids());
        unchecked.add(TokenKeys.DEFAULT_ID);
        unchecked.removeAll(checks.keySet());
        TokenCipher cipher = new TokenCipher(keys);
        for (String id : unchecked) {
            if (keys.lost(id)) {
                continue;
            }
            List<TokenKeyStore.Sealed> samples = stored.samples(id, SAMPLE);
            if (samples.isEmpty()) {
                continue;
            }
            if (keys.key(id).isEmpty()) {
                problems.add(missingKey(id));
                continue;
            }
            long opened = samples.stream().filter(s -> opens(cipher, s)).count();
            if (opened == 0) {
                problems.add(wrongKey(id, "none of the " + samples.size() + " stored tokens tried opens with it"));
            } else if (opened < samples.size()) {
                Log.warnf(
                        "%d of %d stored tokens tried do not open with token key '%s': their connections will need reconnecting",
                        samples.size() - opened, samples.size(), id);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The token keys do not match the database. " + String.join(" ", problems));
        }
    }

    private static boolean opens(TokenCipher cipher, TokenKeyStore.Sealed sealed) {
        try {
            cipher.decrypt(sealed.value(), sealed.boundTo());
            return true;
        } catch (TokenCipher.UndecryptableTokenException e) {
            return false;
        }
    }

    private static String missingKey(String id) {
        return "Stored tokens are encrypted with the token key '" + id + "', which is not configured: set "
                + TokenKeys.setting(id) + " to that key. If it is lost for good, add " + id
                + " to portal.token-lost-keys (PORTAL_TOKEN_LOST_KEYS); the connections whose tokens it encrypted will then need reconnecting.";
    }

    private static String wrongKey(String id, String evidence) {
        return "The token key '" + id + "' configured in " + TokenKeys.setting(id)
                + " is not the key that encrypted the stored tokens (" + evidence + "): configure the original key."
                + " If it is lost for good, give the new key a new id and add " + id
                + " to portal.token-lost-keys (PORTAL_TOKEN_LOST_KEYS); the connections whose tokens it encrypted will then need reconnecting.";
    }
}
