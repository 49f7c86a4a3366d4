package io.connectionportal.shared;

import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The time zones a company may choose (IANA region ids such as {@code Europe/Paris}), and the one guessed for it
 * when it is created: from its country when one is known, else from its language.
 */
public final class TimeZones {

    /** Region ids only: {@code Etc/GMT+3}, {@code CET} or {@code US/Eastern} name no place a business is in. */
    private static final Pattern REGION =
            Pattern.compile("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/+-]+");

    private static final Set<String> ALL = Collections.unmodifiableSet(regions());

    /**
     * Where most businesses of a country are, for countries the portal's customers come from. A country with
     * several zones gets its most populous one; the business corrects it on its company page.
     */
    private static final Map<String, String> BY_COUNTRY = Map.ofEntries(
            Map.entry("FR", "Europe/Paris"),
            Map.entry("MC", "Europe/Monaco"),
            Map.entry("BE", "Europe/Brussels"),
            Map.entry("LU", "Europe/Luxembourg"),
            Map.entry("CH", "Europe/Zurich"),
            Map.entry("GB", "Europe/London"),
            Map.entry("IE", "Europe/Dublin"),
            Map.entry("DE", "Europe/Berlin"),
            Map.entry("NL", "Europe/Amsterdam"),
            Map.entry("ES", "Europe/Madrid"),
            Map.entry("IT", "Europe/Rome"),
            Map.entry("PT", "Europe/Lisbon"),
            Map.entry("AT", "Europe/Vienna"),
            Map.entry("DK", "Europe/Copenhagen"),
            Map.entry("SE", "Europe/Stockholm"),
            Map.entry("NO", "Europe/Oslo"),
            Map.entry("FI", "Europe/Helsinki"),
            Map.entry("PL", "Europe/Warsaw"),
            Map.entry("MA", "Africa/Casablanca"),
            Map.entry("TN", "Africa/Tunis"),
            Map.entry("DZ", "Africa/Algiers"),
            Map.entry("SN", "Africa/Dakar"),
            Map.entry("CI", "Africa/Abidjan"),
            Map.entry("ZA", "Africa/Johannesburg"),
            Map.entry("NG", "Africa/Lagos"),
            Map.entry("KE", "Africa/Nairobi"),
            Map.entry("US", "America/New_York"),
            Map.entry("CA", "America/Toronto"),
            Map.entry("MX", "America/Mexico_City"),
            Map.entry("BR", "America/Sao_Paulo"),
            Map.entry("AU", "Australia/Sydney"),
            Map.entry("NZ", "Pacific/Auckland"),
            Map.entry("SG", "Asia/Singapore"),
            Map.entry("HK", "Asia/Hong_Kong"),
            Map.entry("IN", "Asia/Kolkata"),
            Map.entry("AE", "Asia/Dubai"),
            Map.entry("JP", "Asia/Tokyo"));

    /** Offered first on the company page, by language: the zones its speakers' businesses are most often in. */
    private static final Map<Language, List<String>> LIKELY = Map.of(
            Language.FR,
                    List.of(
                            "Europe/Paris",
                            "Europe/Brussels",
                            "Europe/Luxembourg",
                            "Europe/Zurich",
                            "Europe/Monaco",
                            "America/Toronto",
                            "Africa/Casablanca",
                            "Africa/Tunis",
                            "Africa/Algiers",
                            "Africa/Dakar",
                            "Africa/Abidjan",
                            "Indian/Reunion",
                            "America/Martinique",
                            "America/Guadeloupe",
                            "Pacific/Noumea",
                            "Europe/London"),
            Language.EN,
                    List.of(
                            "Europe/London",
                            "Europe/Dublin",
                            "Europe/Paris",
                            "Europe/Berlin",
                            "America/New_York",
                            "America/Chicago",
                            "America/Denver",
                            "America/Los_Angeles",
                            "America/Toronto",
                            "America/Vancouver",
                            "Australia/Sydney",
                            "Australia/Perth",
                            "Pacific/Auckland",
                            "Asia/Singapore",
                            "Asia/Kolkata",
                            "Africa/Johannesburg"));

    private TimeZones() {}

    /** The zone a new company starts with: its country's when the portal knows it, else its language's. */
    public static ZoneId guess(Language language, String country) {
        String byCountry =
                country == null ? null : BY_COUNTRY.get(country.trim().toUpperCase(Locale.ROOT));
        return ZoneId.of(byCountry != null ? byCountry : defaultFor(language).getId());
    }

    /** The zone used where no company is signed in (public pages, the back office across companies). */
    public static ZoneId defaultFor(Language language) {
        return ZoneId.of(language == Language.FR ? "Europe/Paris" : "Europe/London");
    }

    /** A zone a company may choose, or empty for anything else (an alias such as {@code CET}, a typo, blank). */
    public static Optional<ZoneId> parse(String id) {
        String trimmed = Validation.trim(id);
        return ALL.contains(trimmed) ? Optional.of(ZoneId.of(trimmed)) : Optional.empty();
    }

    /** A stored zone, or the guess for a company whose zone was never set or is no longer known to the JDK. */
    public static ZoneId stored(String id, Language language) {
        return parse(id).orElseGet(() -> defaultFor(language));
    }

    /** The likely zones for a reader of this language, with {@code current} first when it is not among them. */
    public static List<Choice> likely(Language language, ZoneId current) {
        List<Choice> choices = new ArrayList<>();
        List<String> ids = LIKELY.get(language);
        if (current != null && !ids.contains(current.getId())) {
            choices.add(Choice.of(current.getId(), language));
        }
        ids.forEach(id -> choices.add(Choice.of(id, language)));
        return choices;
    }

    /** Every zone that may be chosen, sorted: its id is its label, so the long list stays light. */
    public static Set<String> all() {
        return ALL;
    }

    /** An option of the zone select: the id as submitted and a label people read. */
    public record Choice(String id, String label) {
        static Choice of(String id, Language language) {
            String place = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
            String name = ZoneId.of(id).getDisplayName(TextStyle.FULL, language.locale());
            return new Choice(id, place + " – " + name + " (" + id + ")");
        }
    }

    private static Set<String> regions() {
        Set<String> ids = new TreeSet<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (REGION.matcher(id).matches()) {
                ids.add(id);
            }
        }
        return ids;
    }
}
