package io.connectionportal.uploads;

import java.util.function.Function;

import jakarta.inject.Singleton;

import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.Language;
import io.connectionportal.shared.Notice;

/** Flash notices of uploads and integration requests; their names are what the flash cookie carries. */
enum UploadNotice implements Notice {
    UPLOAD_RECEIVED(UploadMessages::flash_upload_received),
    INTEGRATION_REQUESTED(UploadMessages::flash_integration_requested);

    private final Function<UploadMessages, String> text;

    UploadNotice(Function<UploadMessages, String> text) {
        this.text = text;
    }

    @Override
    public String text(Language language) {
        return text.apply(CurrentLanguage.bundle(UploadMessages.class, language));
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
