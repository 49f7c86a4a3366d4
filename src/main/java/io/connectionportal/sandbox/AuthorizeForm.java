package io.connectionportal.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

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

    /**
     * OpenID Connect's hint at the account to sign in to. The portal sends a stable pseudonym of the business, so the
     * sandbox opens the same account on every authorization; absent, the e-mail address typed names the account.
     */
    @RestForm("login_hint")
    public String loginHint;

    /** OpenID Connect's preferred languages ({@code fr-FR en}): a tag's region is the country a new account opens in. */
    @RestForm("ui_locales")
    public String uiLocales;

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
        form.loginHint = query.getFirst("login_hint");
        form.uiLocales = query.getFirst("ui_locales");
        return form;
    }

    private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._:@+-]{1,100}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /** The login hint when it can name an account; a hint that cannot is ignored, as providers do. */
    Optional<String> accountHint() {
        return Optional.ofNullable(loginHint).map(String::strip).filter(SUBJECT.asMatchPredicate());
    }

    /** The region of the first preferred locale that has one ({@code fr-FR} gives {@code FR}). */
    Optional<String> country() {
        if (uiLocales == null || uiLocales.length() > 200) {
            return Optional.empty();
        }
        return Arrays.stream(uiLocales.strip().split("\\s+"))
                .map(tag -> Locale.forLanguageTag(tag).getCountry())
                .filter(COUNTRY.asMatchPredicate())
                .findFirst();
    }

    public String email() {
        return email == null ? "" : email.strip();
    }
}
