package io.connectionportal.audit;

import java.util.EnumSet;
import java.util.Set;

/** What happened to a connection (M6). Stored by name: never rename a constant, only add. */
public enum AuditType {
    /** The company agreed to share categories of data (detail: the category keys, comma-separated). */
    CONSENT_GIVEN,
    /** A platform was authorized for the first time. */
    CONNECTED,
    /** Data was read from the platform (recorded by the sync engine). */
    SYNCED,
    /** Someone asked for fresh data (recorded by the sync engine). */
    REFRESHED,
    /** The company withdrew access; the data read so far is kept. */
    DEAUTHORIZED,
    /** The connection and its data were erased: the tombstone. */
    DELETED,
    /** An existing connection was authorized again, keeping its id and history. */
    RECONNECTED,
    /** A colleague used a share link to connect on the company's behalf. */
    SHARE_LINK_USED,
    /** The provider could not confirm a revocation yet; it is being retried. */
    REVOCATION_PENDING,
    /** The provider confirmed that the portal's access is revoked. */
    REVOKED,
    /**
     * A token could not be sent to the provider for revocation: no configured token key decrypts it (detail:
     * why). Recorded once, never retried.
     */
    REVOCATION_IMPOSSIBLE,
    /** The company withdrew its consent to share a category of data (detail: the category key). */
    CONSENT_WITHDRAWN,
    /**
     * The company and its account were deleted: the tombstone of the company itself, kept with its other tombstones
     * for the proof period. Its actor is {@link AuditEvent#ERASED}, like every person's in a deleted company's trail.
     */
    ACCOUNT_DELETED,
    /**
     * The provider no longer accepts the grant (invalid_grant, a revoked grant, an expired access token that cannot be
     * renewed, a token key lost for good): the connection needs reconnecting (detail: why, never a token).
     */
    REAUTHORIZATION_REQUIRED,
    /**
     * The provider refused a revocation for good (a 4xx) or has no revocation endpoint (detail: which token and the
     * provider's answer). Recorded once, never retried; the connection page says what remains and what to do.
     */
    REVOCATION_REFUSED;

    /**
     * What a deleted company's trail keeps for the proof period: that consents were given and withdrawn, and that
     * connections existed, were stopped, revoked at their provider and deleted. Syncs, refreshes and share-link uses go.
     */
    public static final Set<AuditType> TOMBSTONES = EnumSet.of(
            CONSENT_GIVEN,
            CONSENT_WITHDRAWN,
            CONNECTED,
            RECONNECTED,
            DEAUTHORIZED,
            DELETED,
            REVOCATION_PENDING,
            REVOKED,
            REVOCATION_IMPOSSIBLE,
            REVOCATION_REFUSED,
            ACCOUNT_DELETED);

    /** Consent given or withdrawn: the company's, per category, shown on each connection of that category. */
    public boolean aboutConsent() {
        return this == CONSENT_GIVEN || this == CONSENT_WITHDRAWN;
    }
}
