package io.connectionportal.manage;

import java.util.List;

import jakarta.inject.Singleton;

import io.connectionportal.shared.Notice;

/** Flash notices of managing connections; their names are what the flash cookie carries. */
final class ManageNotice {

    static final Notice CONNECTION_DEAUTHORIZED =
            Notice.of("CONNECTION_DEAUTHORIZED", ManageMessages.class, ManageMessages::flash_deauthorized);
    static final Notice CONNECTION_DELETED =
            Notice.of("CONNECTION_DELETED", ManageMessages.class, ManageMessages::flash_deleted);
    static final Notice CONNECTION_DELETED_REVOCATION_PENDING = Notice.of(
            "CONNECTION_DELETED_REVOCATION_PENDING",
            ManageMessages.class,
            ManageMessages::flash_deleted_revocation_pending);

    static final Notice CONNECTION_DEAUTHORIZED_REVOCATION_IMPOSSIBLE = Notice.of(
            "CONNECTION_DEAUTHORIZED_REVOCATION_IMPOSSIBLE",
            ManageMessages.class,
            ManageMessages::flash_deauthorized_revocation_impossible);
    static final Notice CONNECTION_DELETED_REVOCATION_IMPOSSIBLE = Notice.of(
            "CONNECTION_DELETED_REVOCATION_IMPOSSIBLE",
            ManageMessages.class,
            ManageMessages::flash_deleted_revocation_impossible);

    static final Notice CONNECTION_DELETED_REVOCATION_REFUSED = Notice.of(
            "CONNECTION_DELETED_REVOCATION_REFUSED",
            ManageMessages.class,
            ManageMessages::flash_deleted_revocation_refused);

    private ManageNotice() {}

    /** Makes these notices known to {@code Flash}, which reads only registered names from a cookie. */
    @Singleton
    static class Registration implements Notice.Source {

        @Override
        public List<Notice> notices() {
            return List.of(
                    CONNECTION_DEAUTHORIZED,
                    CONNECTION_DELETED,
                    CONNECTION_DELETED_REVOCATION_REFUSED,
                    CONNECTION_DELETED_REVOCATION_PENDING,
                    CONNECTION_DEAUTHORIZED_REVOCATION_IMPOSSIBLE,
                    CONNECTION_DELETED_REVOCATION_IMPOSSIBLE);
        }
    }
}
