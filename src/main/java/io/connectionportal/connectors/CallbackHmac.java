package io.connectionportal.connectors;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shopify's signed callback: {@code hmac} is the hex HMAC-SHA256, keyed with the app's client secret, of every other
 * query parameter sorted by name and joined as a URL query ({@code name=value&…}, each part form-encoded, a space as
 * {@code %20}), as Shopify's own library builds it. See
 * https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant
 */
final class CallbackHmac {

    private CallbackHmac() {}

    static boolean valid(Map<String, String> parameters, String secret) {
        String given = parameters.get("hmac");
        if (given == null || !given.matches("[0-9a-fA-F]{64}")) {
            return false;
        }
        byte[] expected = sign(message(parameters), secret);
        // A constant-time comparison: how far a guess matches must not show in the answer's timing.
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(given.toLowerCase(Locale.ROOT)));
    }

    /** The signed text: every parameter but {@code hmac} (and the legacy {@code signature}), sorted by name. */
    static String message(Map<String, String> parameters) {
        return new TreeMap<>(parameters)
                .entrySet().stream()
                        .filter(e -> !e.getKey().equals("hmac") && !e.getKey().equals("signature"))
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    static byte[] sign(String message, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
