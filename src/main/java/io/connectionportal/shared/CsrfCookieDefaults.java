package io.connectionportal.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Two defaults of {@code quarkus.rest-csrf} that depend on the portal's own settings, applied only when they are not
 * set explicitly:
 * <ul>
 *   <li>{@code cookie-force-secure}: on when {@code portal.base-url} is https, so the CSRF cookie is {@code Secure}
 *       behind a proxy that ends TLS, like the session cookie;
 *   <li>{@code token-signature-key}: derived from the token encryption key, so every instance signs CSRF tokens with
 *       the same key and no second secret has to be configured. Without a configured token key (one instance, the
 *       key in a file) a random key per process: a restart then only expires open forms.
 * </ul>
 * Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceInterceptor}.
 */
public class CsrfCookieDefaults implements ConfigSourceInterceptor {

    static final String FORCE_SECURE = "quarkus.rest-csrf.cookie-force-secure";
    static final String SIGNATURE_KEY = "quarkus.rest-csrf.token-signature-key";

    private static final String PROCESS_KEY = randomKey();

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue configured = context.proceed(name);
        if (configured != null && !configured.isDefault()) {
            return configured;
        }
        return switch (name) {
            case FORCE_SECURE ->
                derived(name, String.valueOf(value(context, "portal.base-url").startsWith("https://")));
            case SIGNATURE_KEY -> derived(name, signatureKey(context));
            default -> configured;
        };
    }

    private static String signatureKey(ConfigSourceInterceptorContext context) {
        String current = value(context, "portal.token-key-current");
        String tokenKey = current.isEmpty()
                ? value(context, "portal.token-encryption-key")
                : value(context, "portal.token-keys." + current);
        return tokenKey.isEmpty() ? PROCESS_KEY : hmac(Base64.getDecoder().decode(tokenKey.trim()));
    }

    /** A key of its own for CSRF tokens: knowing it tells nothing about the token key. */
    private static String hmac(byte[] tokenKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tokenKey, "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(
                            mac.doFinal("connection-portal csrf-token signature".getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String value(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        return value == null || value.getValue() == null ? "" : value.getValue();
    }

    private static ConfigValue derived(String name, String value) {
        return ConfigValue.builder()
                .withName(name)
                .withValue(value)
                .withConfigSourceName(CsrfCookieDefaults.class.getSimpleName())
                .build();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
