package io.connectionportal.walkthrough;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Verifies a Standard Webhooks signature; true only for an authentic, fresh message. */
public final class PortalWebhooks {

    private static final long TOLERANCE_SECONDS = 5 * 60;

    public static boolean verify(String secret, String id, String timestamp, String signatures, byte[] rawBody)
            throws GeneralSecurityException {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - sentAt) > TOLERANCE_SECONDS) {
            return false; // too old or from the future: possibly a replay
        }
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(rawBody);
        // The header may hold several space-separated signatures (during a secret rotation): one match is enough.
        for (String signature : signatures.split(" ")) {
            String[] parts = signature.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")) {
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(parts[1]);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (MessageDigest.isEqual(expected, given)) { // constant time
                    return true;
                }
            }
        }
        return false;
    }
}
