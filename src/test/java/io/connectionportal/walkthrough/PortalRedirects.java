package io.connectionportal.walkthrough;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Verifies the outcome a hosted link sends back; true only for an authentic, fresh redirect. */
public final class PortalRedirects {

    private static final List<String> SIGNED =
            List.of("companyId", "connectionId", "status", "errorCode", "linkId", "timestamp");
    private static final long TOLERANCE_SECONDS = 60 * 60;

    /** {@code query}: the redirect's query parameters, decoded, as your web framework hands them to you. */
    public static boolean verify(String secret, Map<String, String> query) throws GeneralSecurityException {
        String signature = query.get("signature");
        String timestamp = query.get("timestamp");
        if (signature == null || timestamp == null || !signature.startsWith("v1,")) {
            return false;
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - sentAt) > TOLERANCE_SECONDS) {
            return false; // an old redirect, replayed
        }
        // The signed text: the outcome's parameters present, in this order, as name=value joined by &.
        StringBuilder signed = new StringBuilder();
        for (String name : SIGNED) {
            String value = query.get(name);
            if (value != null) {
                signed.append(signed.length() == 0 ? "" : "&")
                        .append(name)
                        .append('=')
                        .append(value);
            }
        }
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] expected = mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8));
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.substring("v1,".length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given); // constant time
    }
}
