package io.connectionportal.onboarding;

import java.util.function.Function;

import jakarta.inject.Singleton;

import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.Language;
import io.connectionportal.shared.Notice;

/** Flash notices of the onboarding pages; their names are what the flash cookie carries. */
enum OnboardingNotice implements Notice {
    SIGNED_OUT(OnboardingMessages::flash_signed_out),
    PROFILE_SAVED(OnboardingMessages::flash_profile_saved);

    private final Function<OnboardingMessages, String> text;

    OnboardingNotice(Function<OnboardingMessages, String> text) {
        this.text = text;
    }

    @Override
    public String text(Language language) {
        return text.apply(CurrentLanguage.bundle(OnboardingMessages.class, language));
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
