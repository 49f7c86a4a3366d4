package io.connectionportal.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The one way a moment is shown to people: "30 Nov 2026, 20:33" or "30 nov. 2026, 20:33", in one language and one
 * time zone, without seconds; "2 minutes ago" or "yesterday at 20:33" where a recent event reads better so. Machines
 * get {@link #iso}: UTC, to the second. Templates reach it through {@link Dates} ({@code inject:dates}); Java code that
 * writes for someone outside a request (an e-mail) makes one with {@link #of}.
 */
public final class DateDisplay {

    /** Under this an event happened "just now": also absorbs a few seconds between two instances' clocks. */
    static final Duration JUST_NOW = Duration.ofMinutes(1);

    /** Under this an event is counted in minutes; later the same day it is "today at 20:33". */
    static final Duration MINUTES = Duration.ofHours(1);

    private final Language language;
    private final ZoneId zone;
    private final DateTimeFormatter exact;
    private final DateTimeFormatter time;

    private DateDisplay(Language language, ZoneId zone) {
        this.language = language;
        this.zone = zone;
        // One pattern for both languages: the locale gives "Nov" or "nov.", the 24-hour clock is what both read.
        this.exact = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", language.locale())
                .withZone(zone);
        this.time = DateTimeFormatter.ofPattern("HH:mm", language.locale()).withZone(zone);
    }

    public static DateDisplay of(Language language, ZoneId zone) {
        return new DateDisplay(language, zone);
    }

    public Language language() {
        return language;
    }

    public ZoneId zone() {
        return zone;
    }

    /** "30 Nov 2026, 20:33". */
    public String exact(Instant at) {
        return exact.format(at);
    }

    /** "30 Nov 2026, 20:33 (Central European Standard Time)", where the reader may be elsewhere than the zone. */
    public String exactWithZone(Instant at) {
        return messages().date_in_zone(exact(at), zoneName(at));
    }

    /** The zone's name as it stands at that moment, "British Summer Time" or "heure normale d’Europe centrale". */
    public String zoneName(Instant at) {
        return DateTimeFormatter.ofPattern("zzzz", language.locale())
                .withZone(zone)
                .format(at);
    }

    /** The zone's name today, for a line that says which zone a page's times are in. */
    public String zoneName() {
        return zoneName(Instant.now());
    }

    /**
     * "just now", "5 minutes ago", "today at 20:33", "yesterday at 20:33", "tomorrow at 06:00"; further away, the
     * exact date. Days are the zone's calendar days, so a day with a clock change still ends at midnight.
     */
    public String relative(Instant at, Instant now) {
        Messages msg = messages();
        Duration ago = Duration.between(at, now);
        if (ago.compareTo(JUST_NOW.negated()) > 0 && ago.compareTo(JUST_NOW) < 0) {
            return msg.date_just_now();
        }
        if (!ago.isNegative() && ago.compareTo(MINUTES) < 0) {
            return msg.date_minutes_ago((int) ago.toMinutes());
        }
        long days = ChronoUnit.DAYS.between(day(now), day(at));
        String clock = time.format(at);
        if (days == 0) {
            return msg.date_today_at(clock);
        }
        if (days == -1) {
            return msg.date_yesterday_at(clock);
        }
        if (days == 1) {
            return msg.date_tomorrow_at(clock);
        }
        return exact(at);
    }

    /** A calendar day with no time of day (the monitor's UTC days and weeks): "1 Jan 2024", "1 janv. 2024". */
    public static String day(LocalDate day, Language language) {
        return DateTimeFormatter.ofPattern("d MMM yyyy", language.locale()).format(day);
    }

    /** For the {@code datetime} attribute and for machines: UTC, whole seconds (HTML allows at most 3 decimals). */
    public static String iso(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private LocalDate day(Instant at) {
        return ZonedDateTime.ofInstant(at, zone).toLocalDate();
    }

    private Messages messages() {
        return CurrentLanguage.bundle(Messages.class, language);
    }
}
