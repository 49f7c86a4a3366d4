package io.connectionportal.support;

import java.util.function.Function;

import jakarta.inject.Singleton;

import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.Language;
import io.connectionportal.shared.Notice;

/** Flash notices of the support page; their names are what the flash cookie carries. */
enum SupportNotice implements Notice {
    SUPPORT_SENT(SupportMessages::flash_support_sent);

    private final Function<SupportMessages, String> text;

    SupportNotice(Function<SupportMessages, String> text) {
        this.text = text;
    }

    @Override
    public String text(Language language) {
        return text.apply(CurrentLanguage.bundle(SupportMessages.class, language));
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
