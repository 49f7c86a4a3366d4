package io.connectionportal.onboarding;

import java.util.List;

import jakarta.inject.Singleton;

import io.connectionportal.shared.Notice;

/** Flash notices of the onboarding pages; their names are what the flash cookie carries. */
final class OnboardingNotice {

    static final Notice SIGNED_OUT =
            Notice.of("SIGNED_OUT", OnboardingMessages.class, OnboardingMessages::flash_signed_out);
    static final Notice PROFILE_SAVED =
            Notice.of("PROFILE_SAVED", OnboardingMessages.class, OnboardingMessages::flash_profile_saved);
    static final Notice PASSWORD_RESET =
            Notice.of("PASSWORD_RESET", OnboardingMessages.class, OnboardingMessages::flash_password_reset);

    private OnboardingNotice() {}

    /** Makes these notices known to {@code Flash}, which reads only registered names from a cookie. */
    @Singleton
    static class Registration implements Notice.Source {

        @Override
        public List<Notice> notices() {
            return List.of(SIGNED_OUT, PROFILE_SAVED, PASSWORD_RESET);
        }
    }
}
