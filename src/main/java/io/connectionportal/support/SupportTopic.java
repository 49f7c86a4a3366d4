package io.connectionportal.support;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a support request is about; lets the support team triage. */
public enum SupportTopic {
    CONNECTING,
    SIGN_IN,
    PRIVACY,
    DISCONNECTING,
    OTHER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SupportTopic> fromKey(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
    }
}
