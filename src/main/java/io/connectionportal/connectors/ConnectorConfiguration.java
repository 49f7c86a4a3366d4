package io.connectionportal.connectors;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

import io.connectionportal.platforms.Platform;

/**
 * The connector settings an operator gave, by platform key and setting name, from properties
 * ({@code portal.connectors.xero.client-id}, or {@code portal.connectors."xero".client-id}) and environment variables
 * ({@code PORTAL_CONNECTORS_XERO_CLIENT_ID}, {@code PORTAL_CONNECTORS_QUICKBOOKS_ONLINE_CLIENT_SECRET}).
 *
 * <p>Read by hand rather than by {@code @ConfigMapping}: SmallRye cannot tell a dashed map key from the setting after
 * it in an environment variable ({@code QUICKBOOKS_ONLINE_CLIENT_ID}) and drops it silently; here the catalog's keys
 * settle it, and anything that names no platform or no setting is a start-up problem instead of being ignored.
 */
final class ConnectorConfiguration {

    static final String PREFIX = "portal.connectors.";

    /**
     * How long the platform's authorization lasts (ISO-8601, {@code P90D}), overriding the catalog's: it tells when
     * access ends, not how to reach the provider, so alone it leaves the platform in the sandbox.
     */
    static final String ACCESS_LIFETIME = "access-lifetime";

    private static final String ENV_PREFIX = "PORTAL_CONNECTORS_";

    /** Every setting a platform takes; see the README's "Connect real platforms". */
    static final List<String> SETTINGS = List.of(
            "client-id",
            "client-secret",
            "authorization-url",
            "token-url",
            "revocation-url",
            "discovery-url",
            "issuer",
            "iss-parameter-supported",
            "scopes",
            "client-authentication",
            "api-url",
            "after-connect",
            "account-parameter",
            ACCESS_LIFETIME);

    private final Map<String, Map<String, String>> settings;
    private final List<String> problems;

    private ConnectorConfiguration(Map<String, Map<String, String>> settings, List<String> problems) {
        this.settings = settings;
        this.problems = problems;
    }

    static ConnectorConfiguration read(Config config, Set<String> platformKeys) {
        Map<String, Map<String, String>> settings = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        Map<String, ConfigValue> chosen = new HashMap<>();
        // Longest keys first, so QUICKBOOKS_ONLINE_ is tried before a key QUICKBOOKS_ would be.
        List<String> keysForEnvironment = platformKeys.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        Set<String> names = new HashSet<>();
        config.getPropertyNames().forEach(names::add);
        for (String name : names) {
            if (dottedCopyOfAnEnvironmentVariable(name, names)) {
                continue;
            }
            Optional<String[]> keyAndSetting;
            if (name.startsWith(PREFIX)) {
                keyAndSetting = property(name.substring(PREFIX.length()), name, platformKeys, problems);
            } else if (name.startsWith(ENV_PREFIX)) {
                keyAndSetting = environment(name.substring(ENV_PREFIX.length()), name, keysForEnvironment, problems);
            } else {
                if (name.startsWith("portal.connector.")) {
                    problems.add(name + ": the settings moved to portal.connectors.<platform>.<setting>");
                } else if (name.startsWith("PORTAL_CONNECTOR_")) {
                    problems.add(name + ": the settings moved to PORTAL_CONNECTORS_<PLATFORM>_<SETTING>");
                }
                continue;
            }
            keyAndSetting.ifPresent(found -> {
                ConfigValue value = config.getConfigValue(name);
                if (value.getValue() == null || value.getValue().isBlank()) {
                    return;
                }
                // The same setting in two forms (a quoted property and an environment variable): the source that
                // overrides the other (the higher ordinal) wins, as for every other property, whatever the order.
                String setting = settingKey(found[0], found[1]);
                ConfigValue earlier = chosen.get(setting);
                if (earlier == null || value.getSourceOrdinal() > earlier.getSourceOrdinal()) {
                    chosen.put(setting, value);
                    settings.computeIfAbsent(found[0], k -> new LinkedHashMap<>())
                            .put(found[1], value.getValue().strip());
                }
            });
        }
        return new ConnectorConfiguration(settings, problems);
    }

    /**
     * SmallRye also lists each environment variable as a lower-case dotted name ({@code PORTAL_CONNECTORS_XERO_CLIENT_ID}
     * as {@code portal.connectors.xero.client.id}), which names no setting: only the variable itself is read.
     */
    static boolean dottedCopyOfAnEnvironmentVariable(String name, Set<String> names) {
        String variable = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        return !name.equals(variable)
                && names.contains(variable)
                && name.equals(variable.toLowerCase(Locale.ROOT).replace('_', '.'));
    }

    private static Optional<String[]> property(String rest, String name, Set<String> keys, List<String> problems) {
        String key;
        String setting;
        if (rest.startsWith("\"")) {
            int close = rest.indexOf('"', 1);
            if (close < 0 || close + 1 >= rest.length() || rest.charAt(close + 1) != '.') {
                problems.add(name + ": expected portal.connectors.\"<platform>\".<setting>");
                return Optional.empty();
            }
            key = rest.substring(1, close);
            setting = rest.substring(close + 2);
        } else {
            int dot = rest.indexOf('.');
            if (dot < 0) {
                problems.add(name + ": expected portal.connectors.<platform>.<setting>");
                return Optional.empty();
            }
            key = rest.substring(0, dot);
            setting = rest.substring(dot + 1);
        }
        if (!keys.contains(key)) {
            problems.add(name + ": the catalog has no platform '" + key + "'");
            return Optional.empty();
        }
        if (!SETTINGS.contains(setting)) {
            problems.add(name + ": unknown setting '" + setting + "' (known: " + String.join(", ", SETTINGS) + ")");
            return Optional.empty();
        }
        return Optional.of(new String[] {key, setting});
    }

    private static Optional<String[]> environment(String rest, String name, List<String> keys, List<String> problems) {
        for (String key : keys) {
            String keyPart = environmentForm(key) + "_";
            if (!rest.startsWith(keyPart)) {
                continue;
            }
            String settingPart = rest.substring(keyPart.length());
            Optional<String> setting = SETTINGS.stream()
                    .filter(s -> environmentForm(s).equals(settingPart))
                    .findFirst();
            if (setting.isPresent()) {
                return Optional.of(new String[] {key, setting.get()});
            }
        }
        problems.add(name + ": names no catalog platform and setting (for example PORTAL_CONNECTORS_XERO_CLIENT_ID)");
        return Optional.empty();
    }

    private static String settingKey(String key, String setting) {
        return key + " " + setting;
    }

    /** {@code quickbooks-online} → {@code QUICKBOOKS_ONLINE}, as environment variables spell names. */
    static String environmentForm(String name) {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The platforms the operator gave any provider setting for: they connect to their real provider. */
    Set<String> configuredKeys() {
        Set<String> real = new TreeSet<>();
        settings.forEach((key, given) -> {
            if (given.keySet().stream().anyMatch(name -> !name.equals(ACCESS_LIFETIME))) {
                real.add(key);
            }
        });
        return real;
    }

    /**
     * The platforms given an {@code access-lifetime}: a positive ISO-8601 duration, or {@link Duration#ZERO} for
     * {@code none} (no end, whatever the catalog says); anything else is added to {@code problems}.
     */
    Map<String, Duration> accessLifetimes(List<String> problems) {
        Map<String, Duration> lifetimes = new TreeMap<>();
        settings.forEach((key, given) -> {
            String value = given.get(ACCESS_LIFETIME);
            if (value == null) {
                return;
            }
            if (value.equalsIgnoreCase("none")) {
                lifetimes.put(key, Duration.ZERO);
                return;
            }
            try {
                Duration lifetime = Duration.parse(value);
                if (!lifetime.isNegative() && !lifetime.isZero()) {
                    lifetimes.put(key, lifetime);
                    return;
                }
            } catch (DateTimeParseException malformed) {
                // named below
            }
            problems.add(settingName(key, ACCESS_LIFETIME) + ": '" + value
                    + "' is not a positive ISO-8601 duration such as P90D, nor none");
        });
        return lifetimes;
    }

    Optional<String> setting(String key, String name) {
        return Optional.ofNullable(settings.getOrDefault(key, Map.of()).get(name));
    }

    /** Settings that name nothing known; reported with the other start-up problems. */
    List<String> problems() {
        return problems;
    }

    static String settingName(String key, String name) {
        return PREFIX + key + "." + name;
    }

    static String settingName(Platform platform, String name) {
        return settingName(platform.key(), name);
    }
}
