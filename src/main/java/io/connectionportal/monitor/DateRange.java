package io.connectionportal.monitor;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/** The monitor's filter: whole UTC days from {@code from} to {@code to}, both included. */
record DateRange(LocalDate from, LocalDate to) {

    /** How many weeks the completion-rate chart covers (O3). */
    static final int WEEKS = 12;

    /** By default the twelve weeks (Monday to Sunday) up to today, today included. */
    static DateRange defaultFor(LocalDate today) {
        return new DateRange(mondayOf(today).minusWeeks(WEEKS - 1), today);
    }

    /** The Monday of each of the twelve weeks that end with the week holding {@code to}, oldest first. */
    LocalDate firstWeek() {
        return mondayOf(to).minusWeeks(WEEKS - 1);
    }

    static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** An ISO date ({@code 2026-01-31}) as sent by a date field; empty when blank or not a date. */
    static Optional<LocalDate> parse(String value) {
        if (value == null || value.isBlank() || value.length() > 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A {@code date} column as a native query returns it: {@code java.sql.Date}, or a LocalDate. */
    static LocalDate day(Object column) {
        return column instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) column;
    }
}
