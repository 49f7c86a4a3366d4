package io.connectionportal.sandbox;

import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.RestForm;

/**
 * The authorization request's parameters, read from the query string when the page is shown and
 * from hidden fields when it is submitted, plus what the person entered and chose.
 */
public class AuthorizeForm {

    @RestForm("response_type")
    public String responseType;

    @RestForm("client_id")
    public String clientId;

    @RestForm("redirect_uri")
    public String redirectUri;

    @RestForm
    public String scope;

    @RestForm
    public String state;

    @RestForm("code_challenge")
    public String codeChallenge;

    @RestForm("code_challenge_method")
    public String codeChallengeMethod;

    @RestForm
    public String email;

    @RestForm
    public String password;
    /** {@code allow} or {@code deny}: the button that was pressed. */
    @RestForm
    public String decision;

    static AuthorizeForm fromQuery(MultivaluedMap<String, String> query) {
        AuthorizeForm form = new AuthorizeForm();
        form.responseType = query.getFirst("response_type");
        form.clientId = query.getFirst("client_id");
        form.redirectUri = query.getFirst("redirect_uri");
        form.scope = query.getFirst("scope");
        form.state = query.getFirst("state");
        form.codeChallenge = query.getFirst("code_challenge");
        form.codeChallengeMethod = query.getFirst("code_challenge_method");
        return form;
    }

    public String email() {
        return email == null ? "" : email.strip();
    }
}
