package io.connectionportal.support;

import java.util.List;

import jakarta.inject.Singleton;

import io.connectionportal.shared.Notice;

/** Flash notices of the support page; their names are what the flash cookie carries. */
final class SupportNotice {

    static final Notice SUPPORT_SENT =
            Notice.of("SUPPORT_SENT", SupportMessages.class, SupportMessages::flash_support_sent);

    private SupportNotice() {}

    /** Makes these notices known to {@code Flash}, which reads only registered names from a cookie. */
    @Singleton
    static class Registration implements Notice.Source {

        @Override
        public List<Notice> notices() {
            return List.of(SUPPORT_SENT);
        }
    }
}
