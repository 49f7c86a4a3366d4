package io.connectionportal.api;

import jakarta.enterprise.context.RequestScoped;

/** The API key of this request, set by {@link ApiKeyFilter} before any API resource runs. */
@RequestScoped
class ApiCaller {

    private ApiKeys.Caller caller;

    void set(ApiKeys.Caller caller) {
        this.caller = caller;
    }

    long keyId() {
        if (caller == null) {
            throw new IllegalStateException("No API key: the request did not pass ApiKeyFilter");
        }
        return caller.keyId();
    }

    /** The key's name, as the business sees it in the list of who read its data. */
    String keyName() {
        keyId();
        return caller.keyName();
    }

    /** Who acted, as the audit trail records it until the company's erasure reduces it to a tombstone. */
    String actor() {
        keyId();
        return "API key " + caller.keyName();
    }
}
