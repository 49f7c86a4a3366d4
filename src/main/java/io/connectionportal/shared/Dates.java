package io.connectionportal.shared;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import io.quarkus.qute.TemplateData;

/**
 * Moments for this request's reader, as templates read them ({@code inject:dates}, mostly through the {@code time}
 * tag): in the request's language and the signed-in company's time zone, which the session carries, so no page reads
 * it; without a signed-in company, in the language's own zone. {@link #across()} is for pages about many companies.
 */
@RequestScoped
@Named("dates")
@TemplateData
public class Dates {

    private final CurrentLanguage language;
    private final CurrentUser viewer;
    private DateDisplay display;

    Dates(CurrentLanguage language, CurrentUser viewer) {
        this.language = language;
        this.viewer = viewer;
    }

    /** The formatter for the signed-in company, or for the language's zone when no company is signed in. */
    public DateDisplay display() {
        if (display == null) {
            Language lang = language.get();
            ZoneId zone = viewer.companyTimeZone()
                    .map(id -> TimeZones.stored(id, lang))
                    .orElseGet(() -> TimeZones.defaultFor(lang));
            display = DateDisplay.of(lang, zone);
        }
        return display;
    }

    /** The back office shows many companies' times side by side: in the language's zone, which its pages name. */
    public DateDisplay across() {
        return DateDisplay.of(language.get(), TimeZones.defaultFor(language.get()));
    }

    /** Where no company is signed in, a deadline says its zone: the reader may be anywhere. */
    public DateDisplay general() {
        return across();
    }

    public String exact(Instant at) {
        return display().exact(at);
    }

    public String relative(Instant at) {
        return display().relative(at, Instant.now());
    }

    public String iso(Instant at) {
        return DateDisplay.iso(at);
    }

    /**
     * What this reader's moments read as, besides the moments themselves: language, zone, and the minute that "2
     * minutes ago" is counted from. Markup showing times is kept ({@code {#cached}}) under a key holding it.
     */
    public Reading reading() {
        return new Reading(language.get(), display().zone(), Instant.now().getEpochSecond() / 60);
    }

    @TemplateData
    public record Reading(Language language, ZoneId zone, long minute) {

        /** The key of markup showing {@code shown} (records, or lists of them) to this reader. */
        public String keyOf(Object shown) {
            return KeyText.of(this) + ":" + KeyText.of(shown);
        }
    }

    /** "30 Nov 2026, 20:33", with the zone's name when no company is signed in whose zone it would be. */
    public String deadline(Instant at) {
        return viewer.companyTimeZone().isPresent() ? exact(at) : general().exactWithZone(at);
    }

    /** "Times are in Greenwich Mean Time (Europe/London)." for the back office. */
    public String acrossNote() {
        DateDisplay across = across();
        return CurrentLanguage.bundle(Messages.class, language.get())
                .dates_zone_note(across.zoneName(), across.zone().getId());
    }
}
