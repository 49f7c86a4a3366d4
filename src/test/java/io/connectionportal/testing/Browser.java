package io.connectionportal.testing;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.filter.cookie.CookieFilter;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A cookie-keeping HTTP client that behaves like a browser without JavaScript: it reads the CSRF
 * token from the last form it was shown and does not follow redirects, so tests see the 303s.
 */
public final class Browser {

    public static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final CookieFilter cookies = new CookieFilter();
    private final String acceptLanguage;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String csrfToken;

    public Browser() {
        this("en");
    }

    public Browser(String acceptLanguage) {
        this.acceptLanguage = acceptLanguage;
    }

    public RequestSpecification request() {
        return given().filter(cookies)
                .redirects()
                .follow(false)
                .header("Accept-Language", acceptLanguage)
                .headers(headers);
    }

    /** Sends this header with every request from now on; {@code null} stops sending it. */
    public void setHeader(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
    }

    /** GETs a path as given: already-encoded URLs from redirects are not encoded a second time. */
    public Response get(String path) {
        Response response = request().urlEncodingEnabled(false).get(path);
        remember(response);
        return response;
    }

    /** Opens {@code formPage} for its CSRF token, then posts {@code fields} with it to {@code action}. */
    public Response submit(String formPage, String action, Map<String, ?> fields) {
        get(formPage);
        return post(action, fields);
    }

    /** Posts with the token of the last page seen. */
    public Response post(String action, Map<String, ?> fields) {
        Map<String, Object> form = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            form.putIfAbsent("csrf-token", csrfToken);
        }
        Response response = request()
                .contentType("application/x-www-form-urlencoded")
                .formParams(form)
                .post(action);
        remember(response);
        return response;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** Signs up a new company with a fresh e-mail address and returns that address. */
    public String signUp(String companyName) {
        String email = uniqueEmail();
        Response response =
                submit("/signup", "/signup", Map.of("email", email, "password", PASSWORD, "companyName", companyName));
        if (response.statusCode() != 303) {
            throw new AssertionError("Sign-up failed with " + response.statusCode() + ": "
                    + response.body().asString());
        }
        return email;
    }

    /**
     * Gives the password again, as the portal asks before deleting a connection or exporting data; the answer holds
     * for ten minutes in this session.
     */
    public void confirmPassword() {
        Response response =
                submit("/account/confirm", "/account/confirm", Map.of("password", PASSWORD, "next", "/account"));
        if (response.statusCode() != 303) {
            throw new AssertionError("Password confirmation failed with " + response.statusCode());
        }
    }

    public static String uniqueEmail() {
        return "owner-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private void remember(Response response) {
        Matcher matcher = CSRF.matcher(response.body().asString());
        if (matcher.find()) {
            csrfToken = matcher.group(1);
        }
    }
}
