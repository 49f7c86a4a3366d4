package io.connectionportal.consent;

import java.util.List;

import jakarta.inject.Singleton;

import io.connectionportal.shared.Notice;

/** Flash notices of consent and the mutual NDA; their names are what the flash cookie carries. */
final class ConsentNotice {

    static final Notice CONSENT_RECORDED =
            Notice.of("CONSENT_RECORDED", ConsentMessages.class, ConsentMessages::flash_consent_recorded);
    static final Notice NDA_ACCEPTED =
            Notice.of("NDA_ACCEPTED", ConsentMessages.class, ConsentMessages::flash_nda_accepted);

    private ConsentNotice() {}

    /** Makes these notices known to {@code Flash}, which reads only registered names from a cookie. */
    @Singleton
    static class Registration implements Notice.Source {

        @Override
        public List<Notice> notices() {
            return List.of(CONSENT_RECORDED, NDA_ACCEPTED);
        }
    }
}
