package io.connectionportal.uploads;

import java.util.List;

import jakarta.inject.Singleton;

import io.connectionportal.shared.Notice;

/** Flash notices of uploads and integration requests; their names are what the flash cookie carries. */
final class UploadNotice {

    static final Notice UPLOAD_RECEIVED =
            Notice.of("UPLOAD_RECEIVED", UploadMessages.class, UploadMessages::flash_upload_received);
    static final Notice INTEGRATION_REQUESTED =
            Notice.of("INTEGRATION_REQUESTED", UploadMessages.class, UploadMessages::flash_integration_requested);

    private UploadNotice() {}

    /** Makes these notices known to {@code Flash}, which reads only registered names from a cookie. */
    @Singleton
    static class Registration implements Notice.Source {

        @Override
        public List<Notice> notices() {
            return List.of(UPLOAD_RECEIVED, INTEGRATION_REQUESTED);
        }
    }
}
