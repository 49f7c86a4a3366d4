package io.connectionportal.connect;

import java.util.function.Function;

import jakarta.inject.Singleton;

import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.Language;
import io.connectionportal.shared.Notice;

/** Flash notices of the connect journey (a reconnect coming back); their names are what the flash cookie carries. */
enum ConnectNotice implements Notice {
    CONNECTION_RECONNECTED(ConnectMessages::flash_reconnected),
    RECONNECT_CANCELLED(ConnectMessages::flash_reconnect_cancelled);

    private final Function<ConnectMessages, String> text;

    ConnectNotice(Function<ConnectMessages, String> text) {
        this.text = text;
    }

    @Override
    public String text(Language language) {
        return text.apply(CurrentLanguage.bundle(ConnectMessages.class, language));
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
