package io.connectionportal.consent;

import java.util.Arrays;

/**
 * Where a consent was given or withdrawn: the page and the control, stored as a stable code with each
 * {@link ConsentRecord} (GDPR art. 7(1): the controller must be able to show how consent was given). Never change a
 * code, only add: records keep the code they were written with.
 */
public enum ConsentSource {
    /** The consent step, {@code /connect/consent}: its unticked "I agree" box. */
    CONSENT_PAGE("consent-page/agree-checkbox"),
    /** A platform's page, {@code /connect/platforms/{key}}: its unticked "I agree" box before the redirect. */
    PLATFORM_PAGE("platform-page/agree-checkbox"),
    /** A connection's page, {@code /connections/{id}}: the "I agree" box of its Reconnect form. */
    RECONNECT("reconnect/agree-checkbox"),
    /** The withdrawal confirmation page, {@code /privacy/withdraw/{category}}: its confirm button. */
    WITHDRAW_PAGE("privacy-withdraw/confirm-button"),
    /** Recorded before sources were: the page is not known. */
    LEGACY("legacy/unknown");

    private final String code;

    ConsentSource(String code) {
        this.code = code;
    }

    /** The stored code, for example {@code consent-page/agree-checkbox}. */
    public String code() {
        return code;
    }

    static ConsentSource fromCode(String code) {
        return Arrays.stream(values())
                .filter(s -> s.code.equals(code))
                .findFirst()
                .orElse(LEGACY);
    }
}
