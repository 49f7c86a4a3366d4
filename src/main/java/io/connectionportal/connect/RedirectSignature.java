package io.connectionportal.connect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.connectors.TokenCipher;
import io.connectionportal.shared.PortalConfig;

/**
 * Signs the outcome a hosted link sends back to the integrator, so its app can trust a redirect that passed through
 * the business's browser. The scheme is the webhooks' one (Standard Webhooks): {@code v1,} + base64 HMAC-SHA256,
 * keyed by a {@code whsec_} secret, over the outcome's parameters in a fixed order:
 * {@code companyId=…&connectionId=…&status=…&errorCode=…&linkId=…&timestamp=…}, leaving out those absent.
 */
@ApplicationScoped
public class RedirectSignature {

    static final String SECRET_PREFIX = "whsec_";
    static final String SECRET_NAME = "redirect-signing";
    static final String PARAMETER = "signature";
    static final String BINDING_PREFIX = "portal-secret:";

    private final PortalConfig config;
    private final TokenCipher cipher;
    private volatile byte[] key;

    RedirectSignature(PortalConfig config, TokenCipher cipher) {
        this.config = config;
        this.cipher = cipher;
    }

    /** The outcome's parameters, in the order they are signed. */
    public record Outcome(long companyId, Long connectionId, String status, String errorCode, long linkId) {

        Map<String, String> parameters(Instant at) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("companyId", Long.toString(companyId));
            if (connectionId != null) {
                parameters.put("connectionId", connectionId.toString());
            }
            parameters.put("status", status);
            if (errorCode != null) {
                parameters.put("errorCode", errorCode);
            }
            parameters.put("linkId", Long.toString(linkId));
            parameters.put("timestamp", Long.toString(at.getEpochSecond()));
            return parameters;
        }
    }

    /** {@code redirectUrl} with the outcome and its signature added to its query. */
    String redirect(String redirectUrl, Outcome outcome, Instant at) {
        Map<String, String> parameters = outcome.parameters(at);
        String signed = canonical(parameters);
        return redirectUrl + (redirectUrl.contains("?") ? "&" : "?") + signed + "&" + PARAMETER + "="
                + URLEncoder.encode(sign(signed), StandardCharsets.UTF_8);
    }

    static String canonical(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    String sign(String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
    }

    /** The secret the integrator's app verifies with, for the back office to show. */
    public String secret() {
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key());
    }

    /** Whether the secret comes from configuration (then the back office only says so). */
    public boolean configured() {
        return config.api().redirectSecret().isPresent();
    }

    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            known = config.api().redirectSecret().map(RedirectSignature::decode).orElseGet(this::stored);
            key = known;
        }
        return known;
    }

    static byte[] decode(String secret) {
        String value = secret.strip();
        if (!value.startsWith(SECRET_PREFIX)) {
            throw new IllegalStateException("portal.api.redirect-secret (PORTAL_API_REDIRECT_SECRET) must start with "
                    + SECRET_PREFIX + " followed by base64");
        }
        byte[] bytes = Base64.getDecoder().decode(value.substring(SECRET_PREFIX.length()));
        if (bytes.length < 24) {
            throw new IllegalStateException(
                    "portal.api.redirect-secret (PORTAL_API_REDIRECT_SECRET) must hold at least 24 bytes");
        }
        return bytes;
    }

    /** The stored secret; the first instance to need it makes it, and the primary key lets only one insert win. */
    private byte[] stored() {
        Optional<String> existing = read();
        if (existing.isPresent()) {
            return Base64.getDecoder().decode(existing.get());
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                PortalSecret row = new PortalSecret();
                row.name = SECRET_NAME;
                row.valueEncrypted =
                        cipher.encrypt(Base64.getEncoder().encodeToString(fresh), BINDING_PREFIX + SECRET_NAME);
                row.createdAt = Instant.now();
                row.persist();
            });
        } catch (RuntimeException lostTheRace) {
            // another instance stored its secret first: everyone signs with that one
        }
        return Base64.getDecoder().decode(read().orElseThrow());
    }

    private Optional<String> read() {
        return QuarkusTransaction.requiringNew()
                .call(() -> PortalSecret.<PortalSecret>find("name", SECRET_NAME)
                        .firstResultOptional()
                        .map(row -> cipher.decrypt(row.valueEncrypted, BINDING_PREFIX + SECRET_NAME)));
    }
}
