package io.connectionportal.privacy;

import java.util.List;

import jakarta.inject.Singleton;

import io.connectionportal.shared.Notice;

/** Flash notices of the privacy rights pages; their names are what the flash cookie carries. */
final class PrivacyNotice {

    static final Notice CONSENT_WITHDRAWN =
            Notice.of("CONSENT_WITHDRAWN", PrivacyMessages.class, PrivacyMessages::flash_consent_withdrawn);
    static final Notice CONSENT_WITHDRAWN_REVOCATION_PENDING = Notice.of(
            "CONSENT_WITHDRAWN_REVOCATION_PENDING",
            PrivacyMessages.class,
            PrivacyMessages::flash_consent_withdrawn_revocation_pending);
    static final Notice ACCOUNT_DELETED =
            Notice.of("ACCOUNT_DELETED", PrivacyMessages.class, PrivacyMessages::flash_account_deleted);

    private PrivacyNotice() {}

    /** Makes these notices known to {@code Flash}, which reads only registered names from a cookie. */
    @Singleton
    static class Registration implements Notice.Source {

        @Override
        public List<Notice> notices() {
            return List.of(CONSENT_WITHDRAWN, CONSENT_WITHDRAWN_REVOCATION_PENDING, ACCOUNT_DELETED);
        }
    }
}
