package io.connectionportal.monitor;

import java.util.Locale;

/** The steps of the connection funnel that the portal records server-side, in the order a business meets them. */
public enum FunnelStep {
    LANDING_VIEWED,
    SIGNED_UP,
    /** The value-exchange page: the connect flow has started (O2's first step). */
    VALUE_EXCHANGE_VIEWED,
    /** One event per category consented to. */
    CONSENT_GIVEN,
    /** A platform was chosen and the business sent to its sign-in page: authorization began. */
    PLATFORM_SELECTED,
    AUTHORIZATION_COMPLETED,
    /** The business said no at the provider (OAuth {@code access_denied}). */
    AUTHORIZATION_CANCELLED,
    /** The provider answered with an error, could not be reached, or its answer did not check out. */
    AUTHORIZATION_FAILED,
    FILE_UPLOADED,
    SHARE_LINK_CREATED,
    SHARE_LINK_USED;

    /** Lower-case key used in metrics tags and CSV files: {@code platform_selected}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
