package io.connectionportal.platforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.connectionportal.shared.PortalConfig;

/**
 * The platforms a business can connect, read once from a JSON file that integrators edit
 * ({@code platforms/catalog.json} on the classpath, or the file named by {@code portal.catalog-file}).
 * A broken catalog stops the portal at start-up with a message that says what is wrong.
 */
@ApplicationScoped
public class PlatformCatalog {

    static final String BUILT_IN = "platforms/catalog.json";
    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Entry(
            String key,
            String name,
            String category,
            String website,
            String logo,
            Boolean enabled,
            List<String> reads,
            List<String> writes,
            List<String> keywords,
            String country,
            OAuthEntry oauth,
            /** ISO-8601, such as P90D: how long the platform's consent lasts, when it ends it. */
            String accessLifetime) {}

    @JsonIgnoreProperties(ignoreUnknown = false)
    record OAuthEntry(
            String documentation,
            String authorizationUrl,
            String tokenUrl,
            String revocationUrl,
            String issuer,
            List<String> scopes,
            Map<String, List<String>> dataScopes,
            String scopeSeparator,
            Boolean pkce,
            String clientAuthentication,
            Map<String, String> authorizeParameters,
            String accountParameter,
            String afterConnect,
            String shopHost,
            String apiUrl,
            String revocationBody,
            Map<String, String> tokenParameters,
            Boolean tokenTypeOptional,
            Boolean callbackHmac) {}

    /** The file: its platforms, and the keys of the popular ones by country ({@code default} for the others). */
    record File(List<Entry> platforms, Map<String, List<String>> popular) {

        File(List<Entry> platforms) {
            this(platforms, Map.of());
        }
    }

    /** The {@code popular} list for a country the catalog does not name. */
    static final String DEFAULT_POPULAR = "default";

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final List<Platform> all;
    private final Map<String, Platform> byKey;
    private final Map<String, List<String>> popular;

    @Inject
    PlatformCatalog(PortalConfig config, ObjectMapper json) {
        this(read(config.catalogFile(), json));
    }

    PlatformCatalog(File file) {
        this(validate(file), validPopular(file));
    }

    PlatformCatalog(List<Platform> platforms) {
        this(platforms, Map.of());
    }

    private PlatformCatalog(List<Platform> platforms, Map<String, List<String>> popular) {
        this.popular = popular;
        this.all = platforms.stream()
                .sorted(Comparator.comparing(Platform::category).thenComparing(p -> PlatformSearch.fold(p.name())))
                .toList();
        this.byKey = all.stream().collect(Collectors.toMap(Platform::key, Function.identity()));
    }

    /** Any platform of the catalog, enabled or not: existing connections keep their platform. */
    public Optional<Platform> find(String key) {
        return Optional.ofNullable(key).map(byKey::get);
    }

    /** Every platform of the catalog, enabled or not. */
    public List<Platform> all() {
        return all;
    }

    /** Enabled platforms, by category then name. */
    public List<Platform> enabled() {
        return all.stream().filter(Platform::enabled).toList();
    }

    /** Enabled platforms the query finds, those it finds exactly first (a forgiven typo after), each by category then name. */
    public List<Platform> search(String query, Optional<Category> category) {
        return enabled().stream()
                .filter(p -> category.map(c -> p.category() == c).orElse(true))
                .map(p -> Map.entry(p, PlatformSearch.rank(p, query)))
                .filter(ranked -> ranked.getValue().isPresent())
                .sorted(Comparator.comparingInt(ranked -> ranked.getValue().getAsInt()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * The platforms most businesses of this country connect, in the catalog's order for it ({@code popular} in the
     * catalog file, by ISO 3166-1 code), or the catalog's {@code default} list for a country it does not name.
     */
    /** Whether the catalog has a popular list for this country (else {@link #popular} gives the default list). */
    public boolean hasPopular(String country) {
        return popular.containsKey(country);
    }

    public List<Platform> popular(String country) {
        List<String> keys = popular.getOrDefault(country, popular.getOrDefault(DEFAULT_POPULAR, List.of()));
        return keys.stream().map(byKey::get).filter(Platform::enabled).toList();
    }

    private static File read(Optional<String> externalFile, ObjectMapper json) {
        try {
            File file;
            if (externalFile.isPresent()) {
                file = json.readValue(Files.readString(Path.of(externalFile.get())), File.class);
            } else {
                try (InputStream in =
                        Thread.currentThread().getContextClassLoader().getResourceAsStream(BUILT_IN)) {
                    if (in == null) {
                        throw new IllegalStateException("The platform catalog " + BUILT_IN + " is missing");
                    }
                    file = json.readValue(in, File.class);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("The platform catalog cannot be read: " + e.getMessage(), e);
        }
    }

    static List<Platform> validate(File file) {
        List<String> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        List<Platform> platforms = new ArrayList<>();
        Set<String> countryShown = countryShown(file);
        for (Entry e : file.platforms() == null ? List.<Entry>of() : file.platforms()) {
            String where = "platform '" + e.key() + "'";
            if (e.key() == null || !KEY.matcher(e.key()).matches()) {
                problems.add(where + ": key must be 2-40 lower-case letters, digits or dashes");
                continue;
            }
            if (!keys.add(e.key())) {
                problems.add(where + ": key used twice");
            }
            Optional<Category> category = Category.fromKey(e.category());
            if (category.isEmpty()) {
                problems.add(where + ": unknown category '" + e.category() + "'");
                continue;
            }
            if (e.name() == null || e.name().isBlank()) {
                problems.add(where + ": name is missing");
            }
            if (e.website() == null || !e.website().startsWith("https://")) {
                problems.add(where + ": website must be an https:// address");
            }
            List<DataType> reads = dataTypes(e.reads(), category.get(), where, problems);
            List<DataType> writes = dataTypes(e.writes(), category.get(), where, problems);
            if (reads.isEmpty()) {
                problems.add(where + ": reads at least one data type");
            }
            if (e.country() != null && !COUNTRIES.contains(e.country())) {
                problems.add(where + ": country must be an ISO 3166-1 code such as FR or GB");
            }
            if (e.logo() != null && !e.logo().startsWith("/") && !e.logo().startsWith("https://")) {
                problems.add(where + ": logo must be a path under the web root (/logos/…) or an https:// address");
            }
            platforms.add(new Platform(
                    e.key(),
                    e.name(),
                    category.get(),
                    e.website(),
                    Optional.ofNullable(e.logo()),
                    e.enabled() == null || e.enabled(),
                    reads,
                    writes,
                    e.keywords() == null ? List.of() : List.copyOf(e.keywords()),
                    preset(e.oauth(), reads, where, problems),
                    Optional.ofNullable(e.country()),
                    countryShown.contains(e.key()),
                    accessLifetime(e.accessLifetime(), where, problems)));
        }
        if (platforms.isEmpty()) {
            problems.add("the catalog has no platforms");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The platform catalog is invalid:\n- " + String.join("\n- ", problems));
        }
        return platforms;
    }

    /**
     * Keys of the platforms whose country is shown beside their name: those of a brand (the name's first word) whose
     * entries serve different countries, so "Sage 50 · France" and "Sage 50 Accounts · United Kingdom" tell apart.
     */
    private static Set<String> countryShown(File file) {
        Map<String, Set<String>> countriesByBrand = new java.util.HashMap<>();
        List<Entry> entries = file.platforms() == null ? List.of() : file.platforms();
        for (Entry e : entries) {
            countriesByBrand
                    .computeIfAbsent(brand(e), b -> new HashSet<>())
                    .add(e.country() == null ? "" : e.country());
        }
        return entries.stream()
                .filter(e ->
                        e.country() != null && countriesByBrand.get(brand(e)).size() > 1)
                .map(Entry::key)
                .collect(Collectors.toSet());
    }

    private static String brand(Entry e) {
        return e.name() == null ? "" : PlatformSearch.fold(e.name()).split("\\s+")[0];
    }

    /** The popular lists, each naming known keys under an ISO 3166-1 code or {@code default}. */
    static Map<String, List<String>> validPopular(File file) {
        Map<String, List<String>> popular = file.popular() == null ? Map.of() : file.popular();
        Set<String> keys = (file.platforms() == null ? List.<Entry>of() : file.platforms())
                .stream().map(Entry::key).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        popular.forEach((country, list) -> {
            if (!country.equals(DEFAULT_POPULAR) && !COUNTRIES.contains(country)) {
                problems.add("popular '" + country + "': name an ISO 3166-1 code such as FR, or default");
            }
            for (String key : list == null ? List.<String>of() : list) {
                if (!keys.contains(key)) {
                    problems.add("popular '" + country + "': unknown platform '" + key + "'");
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The platform catalog is invalid:\n- " + String.join("\n- ", problems));
        }
        return Map.copyOf(popular);
    }

    /** A positive ISO-8601 duration ({@code P90D}), or a problem named for the catalog's author. */
    static Optional<Duration> accessLifetime(String value, String where, List<String> problems) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            Duration lifetime = Duration.parse(value);
            if (!lifetime.isNegative() && !lifetime.isZero()) {
                return Optional.of(lifetime);
            }
        } catch (java.time.format.DateTimeParseException malformed) {
            // reported below
        }
        problems.add(where + ": accessLifetime must be a positive ISO-8601 duration such as P90D, not '" + value + "'");
        return Optional.empty();
    }

    /** Steps that may follow the token exchange, each implemented by the connector. */
    public static final Set<String> AFTER_CONNECT_STEPS = Set.of("xero-tenants");

    private static Optional<OAuthPreset> preset(
            OAuthEntry o, List<DataType> reads, String where, List<String> problems) {
        if (o == null) {
            return Optional.empty();
        }
        String at = where + " oauth";
        if (o.documentation() == null || !o.documentation().startsWith("https://")) {
            problems.add(at + ": documentation must be the https:// page the facts come from");
        }
        if (o.tokenUrl() == null || o.authorizationUrl() == null) {
            problems.add(at + ": authorizationUrl and tokenUrl are required");
        }
        for (String url : java.util.Arrays.asList(
                o.authorizationUrl(), o.tokenUrl(), o.revocationUrl(), o.issuer(), o.apiUrl())) {
            if (url != null && !url.startsWith("https://")) {
                problems.add(at + ": " + url + " is not an https:// address");
            }
        }
        String authentication = o.clientAuthentication() == null ? "client_secret_basic" : o.clientAuthentication();
        if (!OAuthPreset.CLIENT_AUTHENTICATIONS.contains(authentication)) {
            problems.add(at + ": clientAuthentication must be one of " + OAuthPreset.CLIENT_AUTHENTICATIONS);
        }
        String revocationBody = o.revocationBody() == null ? "form" : o.revocationBody();
        if (!OAuthPreset.REVOCATION_BODIES.contains(revocationBody)) {
            problems.add(at + ": revocationBody must be one of " + OAuthPreset.REVOCATION_BODIES);
        }
        if (o.afterConnect() != null && !AFTER_CONNECT_STEPS.contains(o.afterConnect())) {
            problems.add(at + ": unknown afterConnect step '" + o.afterConnect() + "'");
        }
        boolean shopInUrls = java.util.stream.Stream.of(o.authorizationUrl(), o.tokenUrl())
                .anyMatch(url -> url != null && url.contains("{shop}"));
        if (shopInUrls != (o.shopHost() != null)) {
            problems.add(at + ": shopHost and {shop} in the endpoints go together");
        }
        Map<DataType, List<String>> dataScopes = new java.util.EnumMap<>(DataType.class);
        (o.dataScopes() == null ? Map.<String, List<String>>of() : o.dataScopes()).forEach((name, scopes) -> {
            try {
                DataType type = DataType.valueOf(name);
                if (!reads.contains(type)) {
                    problems.add(at + ": dataScopes names " + name + ", which the platform does not read");
                }
                dataScopes.put(type, List.copyOf(scopes));
            } catch (IllegalArgumentException unknown) {
                problems.add(at + ": unknown data type '" + name + "' in dataScopes");
            }
        });
        return Optional.of(new OAuthPreset(
                o.documentation(),
                Optional.ofNullable(o.authorizationUrl()),
                Optional.ofNullable(o.tokenUrl()),
                Optional.ofNullable(o.revocationUrl()),
                Optional.ofNullable(o.issuer()),
                o.scopes() == null ? List.of() : List.copyOf(o.scopes()),
                Map.copyOf(dataScopes),
                o.scopeSeparator() == null ? " " : o.scopeSeparator(),
                o.pkce() == null || o.pkce(),
                authentication,
                o.authorizeParameters() == null ? Map.of() : Map.copyOf(o.authorizeParameters()),
                Optional.ofNullable(o.accountParameter()),
                Optional.ofNullable(o.afterConnect()),
                Optional.ofNullable(o.shopHost()),
                Optional.ofNullable(o.apiUrl()),
                revocationBody,
                o.tokenParameters() == null ? Map.of() : Map.copyOf(o.tokenParameters()),
                Boolean.TRUE.equals(o.tokenTypeOptional()),
                Boolean.TRUE.equals(o.callbackHmac())));
    }

    private static List<DataType> dataTypes(
            List<String> names, Category category, String where, List<String> problems) {
        List<DataType> types = new ArrayList<>();
        for (String name : names == null ? List.<String>of() : names) {
            try {
                DataType type = DataType.valueOf(name);
                if (type.category() != category) {
                    problems.add(where + ": " + name + " is not " + category.key() + " data");
                } else {
                    types.add(type);
                }
            } catch (IllegalArgumentException unknown) {
                problems.add(where + ": unknown data type '" + name + "'");
            }
        }
        return List.copyOf(types);
    }
}
