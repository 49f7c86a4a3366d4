package io.connectionportal.shared;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

/**
 * One line per security event (ASVS 7.1): what happened, whether it was allowed, the account id and the client
 * address, never a password, token or e-mail. Its own log category, {@code io.connectionportal.shared.SecurityLog},
 * lets an operator route these lines to their security monitoring.
 */
@ApplicationScoped
public class SecurityLog {

    public enum Event {
        SIGN_IN,
        SIGN_OUT,
        /** Every session of an account ended at once, from its account page. */
        SIGN_OUT_EVERYWHERE,
        /** The password asked again before a sensitive action. */
        REAUTHENTICATION,
        PASSWORD_CHANGE,
        PASSWORD_RESET_REQUEST,
        PASSWORD_RESET,
        CONSENT_WITHDRAWAL,
        ACCOUNT_DELETION,
        DATA_EXPORT,
        /** An id that is not the signed-in company's: another company's, or none at all. */
        FOREIGN_ID,
        /** The back office: an API key made or revoked, a webhook endpoint or a redirect prefix added or removed. */
        API_KEY_CREATED,
        API_KEY_REVOKED,
        WEBHOOK_ENDPOINT_CREATED,
        WEBHOOK_ENDPOINT_DELETED,
        REDIRECT_PREFIX_ADDED,
        REDIRECT_PREFIX_REMOVED
    }

    public enum Outcome {
        ALLOWED,
        REFUSED,
        LOCKED
    }

    private final ClientInfo client;

    SecurityLog(ClientInfo client) {
        this.client = client;
    }

    /** {@code accountId} is null when no account is known (an unknown e-mail); {@code detail} is never a secret. */
    public void record(Event event, Outcome outcome, Long accountId, String detail) {
        Log.infof(
                "security event=%s outcome=%s account=%s address=%s%s",
                event.name().toLowerCase(),
                outcome.name().toLowerCase(),
                accountId == null ? "-" : accountId,
                LogText.clean(client.ipAddress()),
                detail == null ? "" : " detail=" + LogText.clean(detail));
    }
}
