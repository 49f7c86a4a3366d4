package io.connectionportal.connect;

import java.util.List;

import jakarta.inject.Singleton;

import io.connectionportal.shared.Notice;

/** Flash notices of the connect journey (a reconnect coming back); their names are what the flash cookie carries. */
final class ConnectNotice {

    static final Notice CONNECTION_RECONNECTED =
            Notice.of("CONNECTION_RECONNECTED", ConnectMessages.class, ConnectMessages::flash_reconnected);
    static final Notice RECONNECT_CANCELLED =
            Notice.of("RECONNECT_CANCELLED", ConnectMessages.class, ConnectMessages::flash_reconnect_cancelled);

    static final Notice ORGANISATION_CHOSEN =
            Notice.of("ORGANISATION_CHOSEN", ConnectMessages.class, ConnectMessages::flash_organisation_chosen);

    private ConnectNotice() {}

    /** Makes these notices known to {@code Flash}, which reads only registered names from a cookie. */
    @Singleton
    static class Registration implements Notice.Source {

        @Override
        public List<Notice> notices() {
            return List.of(CONNECTION_RECONNECTED, RECONNECT_CANCELLED, ORGANISATION_CHOSEN);
        }
    }
}
