package io.connectionportal.shared;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

/**
 * Two defaults of {@code quarkus.rest-csrf} that depend on {@code portal.base-url}, applied only when they are not set
 * explicitly. When the portal is on https:
 * <ul>
 *   <li>{@code cookie-force-secure}: the CSRF cookie is {@code Secure}, also behind a proxy that ends TLS;
 *   <li>{@code cookie-name}: {@code __Host-csrf-token}. Browsers accept a {@code __Host-} cookie only from the exact
 *       host, Secure and for the whole site, so a sibling subdomain cannot plant a token of its choosing: the attack
 *       a signed token answers, without signing's cost (quarkus-rest-csrf then makes a new token at every page, which
 *       expires the forms of every other open tab).
 * </ul>
 * Registered in {@code META-INF/services/io.smallrye.config.ConfigSourceInterceptor}.
 */
public class CsrfCookieDefaults implements ConfigSourceInterceptor {

    static final String FORCE_SECURE = "quarkus.rest-csrf.cookie-force-secure";
    static final String COOKIE_NAME = "quarkus.rest-csrf.cookie-name";
    static final String HOST_ONLY_NAME = "__Host-csrf-token";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue configured = context.proceed(name);
        if (configured != null && !configured.isDefault()) {
            return configured;
        }
        return switch (name) {
            case FORCE_SECURE -> derived(name, String.valueOf(https(context)));
            case COOKIE_NAME -> https(context) ? derived(name, HOST_ONLY_NAME) : configured;
            default -> configured;
        };
    }

    private static boolean https(ConfigSourceInterceptorContext context) {
        ConfigValue baseUrl = context.proceed("portal.base-url");
        return baseUrl != null
                && baseUrl.getValue() != null
                && baseUrl.getValue().startsWith("https://");
    }

    private static ConfigValue derived(String name, String value) {
        return ConfigValue.builder()
                .withName(name)
                .withValue(value)
                .withConfigSourceName(CsrfCookieDefaults.class.getSimpleName())
                .build();
    }
}
