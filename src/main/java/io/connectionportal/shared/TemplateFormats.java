package io.connectionportal.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Formatting helpers for templates, in the template's language. */
@TemplateExtension
public class TemplateFormats {

    private TemplateFormats() {}

    /** Date and time in UTC, said so, because the portal does not know the reader's time zone. */
    static String display(Instant instant, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        Locale resolved = locale instanceof Locale l
                ? l
                : Language.fromTag(locale == null ? null : locale.toString())
                        .orElse(Language.EN)
                        .locale();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(resolved)
                        .withZone(ZoneOffset.UTC)
                        .format(instant)
                + " UTC";
    }
}
