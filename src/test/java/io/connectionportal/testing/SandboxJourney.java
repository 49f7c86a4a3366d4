package io.connectionportal.testing;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;

/**
 * Real connections through the built-in sandbox, over HTTP, as a person without JavaScript makes them:
 * the platform page, the sandbox's sign-in and consent screen, the callback. Also calls the sandbox's
 * data API and token endpoint directly, to see whether a token still works at the provider.
 */
public final class SandboxJourney {

    public static final String ALLOW = "allow";
    public static final String DENY = "deny";
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern CONNECTED = Pattern.compile("/connect/connected/(\\d+)$");

    private SandboxJourney() {}

    /** Connects {@code platformKey} (agreeing to share its category) and presses Allow; returns the new connection's id. */
    public static long connect(Browser browser, String platformKey) {
        browser.get("/connect/platforms/" + platformKey);
        Response start = browser.post("/connect/platforms/" + platformKey, Map.of("agree", "yes"));
        expect(303, start);
        Response callback = atProvider(browser, start.header("Location"), platformKey, ALLOW);
        Matcher id = CONNECTED.matcher(callback.header("Location"));
        if (!id.find()) {
            throw new AssertionError("Not connected: " + callback.header("Location"));
        }
        return Long.parseLong(id.group(1));
    }

    /**
     * Starts connecting the platform and answers the sandbox's consent screen with {@code decision};
     * returns the sandbox's redirect, not yet followed, so a test can look at what the provider sent back.
     */
    public static Response answer(Browser browser, String platformKey, String decision) {
        browser.get("/connect/platforms/" + platformKey);
        Response start = browser.post("/connect/platforms/" + platformKey, Map.of("agree", "yes"));
        expect(303, start);
        if (!start.header("Location").contains("/sandbox/" + platformKey + "/oauth/authorize?")) {
            throw new AssertionError("Not sent to the sandbox: " + start.header("Location"));
        }
        Response consent = browser.get(path(start.header("Location")));
        expect(200, consent);
        String page = consent.body().asString();
        if (!page.contains("Sandbox") && !page.contains("bac à sable")) {
            throw new AssertionError("The sandbox's page is not labelled as such");
        }
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(consent.body().asString());
        while (hidden.find()) {
            form.put(hidden.group(1), unescape(hidden.group(2)));
        }
        form.put("email", "demo@sandbox.example");
        form.put("password", "any password");
        form.put("decision", decision);
        return browser.post("/sandbox/" + platformKey + "/oauth/authorize", form);
    }

    /**
     * Presses Reconnect on the connection's page and answers the sandbox with {@code decision}; returns
     * the portal's answer to the callback (a 303 back to the connection when it went through or was cancelled).
     */
    public static Response reconnect(Browser browser, long connectionId, String platformKey, String decision) {
        browser.get("/connections/" + connectionId);
        Response start = browser.post("/connections/" + connectionId + "/reconnect", Map.of("agree", "yes"));
        expect(303, start);
        if (!start.header("Location").contains("/sandbox/" + platformKey + "/oauth/authorize?")) {
            throw new AssertionError("Not sent to the sandbox: " + start.header("Location"));
        }
        return atProvider(browser, start.header("Location"), platformKey, decision);
    }

    /** Opens the sandbox's consent screen at {@code authorizeUrl}, answers it, and follows its redirect to the portal's callback. */
    public static Response atProvider(Browser browser, String authorizeUrl, String platformKey, String decision) {
        Response back = answerAt(browser, authorizeUrl, platformKey, decision);
        Response callback = browser.get(path(back.header("Location")));
        expect(303, callback);
        return callback;
    }

    /** Answers the sandbox's consent screen at {@code authorizeUrl}; returns its redirect to the portal, not yet followed. */
    public static Response answerAt(Browser browser, String authorizeUrl, String platformKey, String decision) {
        Response consent = browser.get(path(authorizeUrl));
        expect(200, consent);
        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(consent.body().asString());
        while (hidden.find()) {
            form.put(hidden.group(1), unescape(hidden.group(2)));
        }
        form.put("email", "demo@sandbox.example");
        form.put("password", "any password");
        form.put("decision", decision);
        Response back = browser.post("/sandbox/" + platformKey + "/oauth/authorize", form);
        expect(303, back);
        return back;
    }

    /** The HTTP status of the sandbox's company endpoint (accounting platforms) for this access token: 200 while it works, 401 once revoked. */
    public static int dataApiStatus(String platformKey, String accessToken) {
        return dataApiStatus(platformKey, "company", accessToken);
    }

    /** The same for one of the platform's resources, e.g. {@code bank-accounts} for a bank. */
    public static int dataApiStatus(String platformKey, String resource, String accessToken) {
        return given().redirects()
                .follow(false)
                .header("Authorization", "Bearer " + accessToken)
                .get("/sandbox/" + platformKey + "/api/" + resource)
                .statusCode();
    }

    /**
     * Uses a refresh token at the sandbox's token endpoint and returns the answer. Careful: a working
     * refresh token is rotated by this, so call it only to prove a token no longer works.
     */
    public static Response refresh(String platformKey, String refreshToken) {
        return given().redirects()
                .follow(false)
                .auth()
                .preemptive()
                .basic("connection-portal", "sandbox-secret")
                .contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken)
                .post("/sandbox/" + platformKey + "/oauth/token");
    }

    /** Path and query of an absolute URL, as the test client requests it. */
    public static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
    }

    private static void expect(int status, Response response) {
        if (response.statusCode() != status) {
            throw new AssertionError("Expected " + status + " but got " + response.statusCode() + ": "
                    + response.body().asString());
        }
    }
}
