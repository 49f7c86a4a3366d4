package io.connectionportal.monitor;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateData;

import io.connectionportal.monitor.Figures.Rate;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.DateDisplay;
import io.connectionportal.shared.Language;

/** The monitor's figures as people read them in one language: {@code 1,234}, {@code 66.7%}, {@code 6 Jan 2026}. */
@TemplateData
final class MonitorFormat {

    private final Language language;
    private final Locale locale;
    private final MonitorMessages messages;

    MonitorFormat(Language language) {
        this.language = language;
        this.locale = language.locale();
        this.messages = CurrentLanguage.bundle(MonitorMessages.class, language);
    }

    MonitorMessages messages() {
        return messages;
    }

    public String count(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** The share with one decimal, rounded half up as in the CSV files; "No data" when there is nothing to divide by. */
    public String percent(Rate rate) {
        return rate.percent().map(this::percent).orElse(messages.no_data());
    }

    private String percent(BigDecimal percent) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(percent.movePointLeft(2));
    }

    /** A whole percentage for the chart's axis: {@code 50%}. */
    public String axis(int percent) {
        return NumberFormat.getPercentInstance(locale).format(percent / 100.0);
    }

    public String date(LocalDate day) {
        return DateDisplay.day(day, language);
    }

    /** Day and month only, for the chart's axis. */
    public String shortDate(LocalDate day) {
        return DateTimeFormatter.ofPattern("d MMM", locale).format(day);
    }
}
