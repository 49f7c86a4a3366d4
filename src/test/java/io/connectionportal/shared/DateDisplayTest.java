package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The one date formatter: both languages, time zones, clock changes and where "relative" turns exact. */
@QuarkusTest
class DateDisplayTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** 30 November 2026, 19:33:28 UTC: 20:33 in Paris, 19:33 in London, 14:33 in New York. */
    private static final Instant AT = Instant.parse("2026-11-30T19:33:28.123456Z");

    private static DateDisplay en(ZoneId zone) {
        return DateDisplay.of(Language.EN, zone);
    }

    private static DateDisplay fr(ZoneId zone) {
        return DateDisplay.of(Language.FR, zone);
    }

    @Test
    void exactTimesReadInTheLanguageAndZoneWithoutSeconds() {
        assertEquals("30 nov. 2026, 20:33", fr(PARIS).exact(AT));
        assertEquals("30 Nov 2026, 20:33", en(PARIS).exact(AT));
        assertEquals("30 Nov 2026, 19:33", en(LONDON).exact(AT));
        assertEquals("30 Nov 2026, 14:33", en(NEW_YORK).exact(AT));
        assertEquals("3 sept. 2026, 12:00", fr(PARIS).exact(Instant.parse("2026-09-03T10:00:00Z")));
        assertEquals("3 juin 2026, 11:00", fr(LONDON).exact(Instant.parse("2026-06-03T10:00:00Z")));
        assertEquals("1 Jan 2027, 00:59", en(PARIS).exact(Instant.parse("2026-12-31T23:59:59Z")), "the next day there");
    }

    @Test
    void clockChangesMoveTheLocalTime() {
        // Paris springs forward on 29 March 2026 at 01:00 UTC (02:00 becomes 03:00).
        assertEquals("29 Mar 2026, 01:59", en(PARIS).exact(Instant.parse("2026-03-29T00:59:00Z")));
        assertEquals("29 Mar 2026, 03:00", en(PARIS).exact(Instant.parse("2026-03-29T01:00:00Z")));
        // London falls back on 25 October 2026 at 01:00 UTC: 01:30 happens twice, an hour apart.
        assertEquals("25 Oct 2026, 01:30", en(LONDON).exact(Instant.parse("2026-10-25T00:30:00Z")));
        assertEquals("25 Oct 2026, 01:30", en(LONDON).exact(Instant.parse("2026-10-25T01:30:00Z")));
        assertEquals("British Summer Time", en(LONDON).zoneName(Instant.parse("2026-07-01T12:00:00Z")));
        assertEquals("Greenwich Mean Time", en(LONDON).zoneName(AT));
    }

    @Test
    void recentEventsReadRelativelyInBothLanguages() {
        assertEquals("just now", en(PARIS).relative(AT, AT.plusSeconds(59)));
        assertEquals("à l’instant", fr(PARIS).relative(AT, AT.plusSeconds(59)));
        assertEquals("1 minute ago", en(PARIS).relative(AT, AT.plusSeconds(60)));
        assertEquals("il y a 1 minute", fr(PARIS).relative(AT, AT.plusSeconds(60)));
        assertEquals("2 minutes ago", en(PARIS).relative(AT, AT.plusSeconds(150)));
        assertEquals("il y a 2 minutes", fr(PARIS).relative(AT, AT.plusSeconds(150)));
        assertEquals(
                "59 minutes ago",
                en(PARIS).relative(AT, AT.plus(Duration.ofMinutes(60)).minusSeconds(1)));
        // From an hour on, the time of day: 20:33 and 21:33 are the same day in Paris.
        assertEquals("today at 20:33", en(PARIS).relative(AT, AT.plus(Duration.ofHours(1))));
        assertEquals("aujourd’hui à 20:33", fr(PARIS).relative(AT, AT.plus(Duration.ofHours(1))));
    }

    @Test
    void yesterdayAndTomorrowAreTheZonesCalendarDays() {
        Instant afterMidnightInParis = Instant.parse("2026-11-30T23:10:00Z"); // 1 Dec, 00:10 in Paris
        assertEquals("yesterday at 20:33", en(PARIS).relative(AT, afterMidnightInParis));
        assertEquals("hier à 20:33", fr(PARIS).relative(AT, afterMidnightInParis));
        // The same two moments are the same day in New York.
        assertEquals("today at 14:33", en(NEW_YORK).relative(AT, afterMidnightInParis));
        assertEquals("30 Nov 2026, 20:33", en(PARIS).relative(AT, AT.plus(Duration.ofDays(2))), "then exact");
        assertEquals("29 Nov 2026, 20:33", en(PARIS).relative(AT.minus(Duration.ofDays(1)), afterMidnightInParis));
        assertEquals("tomorrow at 20:33", en(PARIS).relative(AT, AT.minus(Duration.ofHours(22))));
        assertEquals("demain à 20:33", fr(PARIS).relative(AT, AT.minus(Duration.ofHours(22))));
        assertEquals(
                "just now", en(PARIS).relative(AT, AT.minusSeconds(30)), "another instance's clock a little ahead");
    }

    @Test
    void yesterdayHoldsAcrossTheNightTheClocksChange() {
        // Saturday 28 March 2026, 23:30 in Paris; Sunday is 23 hours long.
        Instant saturdayNight = Instant.parse("2026-03-28T22:30:00Z");
        Instant sundayLate = Instant.parse("2026-03-29T21:45:00Z"); // Sunday 23:45, 23 h 15 min later
        assertEquals("yesterday at 23:30", en(PARIS).relative(saturdayNight, sundayLate));
        assertEquals("today at 03:00", en(PARIS).relative(Instant.parse("2026-03-29T01:00:00Z"), sundayLate));
    }

    @Test
    void machinesGetUtcToTheSecond() {
        assertEquals("2026-11-30T19:33:28Z", DateDisplay.iso(AT));
    }

    @Test
    void aDeadlineForSomeoneElsewhereNamesItsZone() {
        assertEquals("30 Nov 2026, 19:33 (Greenwich Mean Time)", en(LONDON).exactWithZone(AT));
        assertEquals(
                "30 nov. 2026, 20:33 (heure normale d’Europe centrale)",
                fr(PARIS).exactWithZone(AT));
    }

    @Test
    void aNewCompanysZoneIsGuessedFromItsCountryThenItsLanguage() {
        assertEquals(PARIS, TimeZones.guess(Language.FR, null));
        assertEquals(LONDON, TimeZones.guess(Language.EN, null));
        assertEquals(NEW_YORK, TimeZones.guess(Language.EN, "us"));
        assertEquals(ZoneId.of("America/Toronto"), TimeZones.guess(Language.FR, "CA"));
        assertEquals(PARIS, TimeZones.guess(Language.EN, "FR"), "the country wins over the language");
        assertEquals(LONDON, TimeZones.guess(Language.EN, "ZZ"), "an unknown country falls back to the language");
    }

    @Test
    void onlyRegionZonesMayBeChosen() {
        assertEquals(NEW_YORK, TimeZones.parse(" America/New_York ").orElseThrow());
        for (String bad : new String[] {null, "", "CET", "Etc/GMT+3", "US/Eastern", "Mars/Olympus_Mons", "../etc"}) {
            assertTrue(TimeZones.parse(bad).isEmpty(), String.valueOf(bad));
        }
        assertEquals("Europe/Paris", TimeZones.likely(Language.FR, PARIS).get(0).id());
        assertEquals(
                "America/New_York",
                TimeZones.likely(Language.FR, NEW_YORK).get(0).id(),
                "the company's zone first");
        assertEquals(LONDON, TimeZones.stored("Not/A_Zone", Language.EN), "a stored zone the JDK no longer knows");
    }
}
