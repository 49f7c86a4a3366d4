package io.connectionportal.connectors;

/** A provider said no, answered nonsense, or could not be reached. The message never contains a token. */
public class ConnectorException extends Exception {

    public enum Reason {
        /** The grant is no longer valid (RFC 6749 invalid_grant): the business must authorize again. */
        INVALID_GRANT,
        /** The provider answered with another OAuth error or an HTTP error status. */
        PROVIDER_ERROR,
        /** The provider could not be reached or did not answer in time. */
        UNREACHABLE,
        /** The provider's answer could not be understood. */
        INVALID_RESPONSE
    }

    private final Reason reason;

    public ConnectorException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ConnectorException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
