package io.connectionportal.manage;

import java.util.function.Function;

import jakarta.inject.Singleton;

import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.Language;
import io.connectionportal.shared.Notice;

/** Flash notices of managing connections; their names are what the flash cookie carries. */
enum ManageNotice implements Notice {
    CONNECTION_DEAUTHORIZED(ManageMessages::flash_deauthorized),
    CONNECTION_DELETED(ManageMessages::flash_deleted),
    CONNECTION_DELETED_REVOCATION_PENDING(ManageMessages::flash_deleted_revocation_pending);

    private final Function<ManageMessages, String> text;

    ManageNotice(Function<ManageMessages, String> text) {
        this.text = text;
    }

    @Override
    public String text(Language language) {
        return text.apply(CurrentLanguage.bundle(ManageMessages.class, language));
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
