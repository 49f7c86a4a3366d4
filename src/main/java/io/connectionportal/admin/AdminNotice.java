package io.connectionportal.admin;

import java.util.List;

import jakarta.inject.Singleton;

import io.connectionportal.shared.Notice;

/** Flash notices of the back office; their names are what the flash cookie carries. */
final class AdminNotice {

    static final Notice KEY_REVOKED =
            Notice.of("ADMIN_KEY_REVOKED", AdminMessages.class, AdminMessages::flash_key_revoked);
    static final Notice ENDPOINT_CREATED =
            Notice.of("ADMIN_ENDPOINT_CREATED", AdminMessages.class, AdminMessages::flash_endpoint_created);
    static final Notice ENDPOINT_DELETED =
            Notice.of("ADMIN_ENDPOINT_DELETED", AdminMessages.class, AdminMessages::flash_endpoint_deleted);
    static final Notice ENDPOINT_ENABLED =
            Notice.of("ADMIN_ENDPOINT_ENABLED", AdminMessages.class, AdminMessages::flash_endpoint_enabled);
    static final Notice DELIVERY_REPLAYED =
            Notice.of("ADMIN_DELIVERY_REPLAYED", AdminMessages.class, AdminMessages::flash_delivery_replayed);
    static final Notice PREFIX_ADDED =
            Notice.of("ADMIN_PREFIX_ADDED", AdminMessages.class, AdminMessages::flash_prefix_added);
    static final Notice PREFIX_REMOVED =
            Notice.of("ADMIN_PREFIX_REMOVED", AdminMessages.class, AdminMessages::flash_prefix_removed);

    private AdminNotice() {}

    /** Makes these notices known to {@code Flash}, which reads only registered names from a cookie. */
    @Singleton
    static class Registration implements Notice.Source {

        @Override
        public List<Notice> notices() {
            return List.of(
                    KEY_REVOKED,
                    ENDPOINT_CREATED,
                    ENDPOINT_DELETED,
                    ENDPOINT_ENABLED,
                    DELIVERY_REPLAYED,
                    PREFIX_ADDED,
                    PREFIX_REMOVED);
        }
    }
}
