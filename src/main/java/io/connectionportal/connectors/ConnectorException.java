package io.connectionportal.connectors;

import java.time.Duration;
import java.util.Optional;

/** A provider said no, answered nonsense, or could not be reached. The message never contains a token. */
public class ConnectorException extends Exception {

    public enum Reason {
        /** The grant is no longer valid (RFC 6749 invalid_grant, or a 400/401 saying it was revoked): authorize again. */
        INVALID_GRANT,
        /** The provider answered with another OAuth error or an HTTP error status ({@link #status()}). */
        PROVIDER_ERROR,
        /** The provider could not be reached or did not answer in time. */
        UNREACHABLE,
        /** The provider's answer could not be understood. */
        INVALID_RESPONSE,
        /** The provider offers no endpoint for this (no revocation endpoint): asking again will never help. */
        UNSUPPORTED
    }

    private final Reason reason;
    private final int status;
    private final Optional<Duration> retryAfter;

    public ConnectorException(Reason reason, String message) {
        this(reason, message, 0, Optional.empty());
    }

    public ConnectorException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.status = 0;
        this.retryAfter = Optional.empty();
    }

    ConnectorException(Reason reason, String message, int status, Optional<Duration> retryAfter) {
        super(message);
        this.reason = reason;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    /** The provider's HTTP status, or 0 when it gave none. */
    public int status() {
        return status;
    }

    /** How long the provider asked us to wait ({@code Retry-After}), when it said. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    /** Asking again later may work: the provider was unreachable, too slow, overloaded (5xx) or rate-limiting (429). */
    public boolean temporary() {
        return reason == Reason.UNREACHABLE || status >= 500 || status == 429;
    }
}
