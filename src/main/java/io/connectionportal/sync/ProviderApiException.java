package io.connectionportal.sync;

/** A data API call that did not give records. The message names a status or an error code, never a token. */
class ProviderApiException extends Exception {

    enum Reason {
        /** 401: the access token is not (or no longer) accepted. */
        UNAUTHORIZED,
        /** 429, or 503 with Retry-After, still refused after waiting as asked: the next sync tries again. */
        RATE_LIMITED,
        /** Any other error status, or an answer that is not the expected JSON. */
        PROVIDER_ERROR,
        /** No answer, or not in time. */
        UNREACHABLE
    }

    private final Reason reason;

    ProviderApiException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    ProviderApiException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
