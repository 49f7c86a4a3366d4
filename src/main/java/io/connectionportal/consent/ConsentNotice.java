package io.connectionportal.consent;

import java.util.function.Function;

import jakarta.inject.Singleton;

import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.Language;
import io.connectionportal.shared.Notice;

/** Flash notices of consent and the mutual NDA; their names are what the flash cookie carries. */
enum ConsentNotice implements Notice {
    CONSENT_RECORDED(ConsentMessages::flash_consent_recorded),
    NDA_ACCEPTED(ConsentMessages::flash_nda_accepted);

    private final Function<ConsentMessages, String> text;

    ConsentNotice(Function<ConsentMessages, String> text) {
        this.text = text;
    }

    @Override
    public String text(Language language) {
        return text.apply(CurrentLanguage.bundle(ConsentMessages.class, language));
    }

    /** Makes these notices known to {@code Flash}, which reads only registered names from a cookie. */
    @Singleton
    static class Registration implements Notice.Source {

        @Override
        public Notice[] notices() {
            return values();
        }
    }
}
