package io.connectionportal.uploads;

import java.text.NumberFormat;

import jakarta.enterprise.context.ApplicationScoped;

import io.connectionportal.shared.CurrentLanguage;

/** The {@code uploads} bundle in the current request's language, for text composed in Java (errors, sizes). */
@ApplicationScoped
class UploadTexts {

    private final CurrentLanguage language;

    UploadTexts(CurrentLanguage language) {
        this.language = language;
    }

    UploadMessages messages() {
        return language.bundle(UploadMessages.class);
    }

    /** A size as people read it: {@code 812 B}, {@code 1.5 KB}, {@code 10 MB} (binary multiples, as file managers show). */
    String size(long bytes) {
        UploadMessages msg = messages();
        NumberFormat number = NumberFormat.getNumberInstance(language.get().locale());
        number.setMaximumFractionDigits(1);
        if (bytes < 1024) {
            return msg.size_bytes(number.format(bytes));
        }
        if (bytes < 1024 * 1024) {
            return msg.size_kb(number.format(bytes / 1024.0));
        }
        return msg.size_mb(number.format(bytes / (1024.0 * 1024.0)));
    }
}
