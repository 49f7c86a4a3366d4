package io.connectionportal.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.connectionportal.platforms.PlatformCatalog;
import io.quarkus.arc.Arc;
import io.restassured.response.Response;

/** Connects a platform through the built-in sandbox exactly as a person does: platform page, consent screen, callback. */
public final class SandboxConnections {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private SandboxConnections() {
    }

    /** Starts connecting the platform and answers the sandbox's consent screen; returns the sandbox's redirect. */
    public static Response authorize(Browser browser, String platformKey, String decision) {
        browser.get("/connect/platforms/" + platformKey);
        Response start = browser.post("/connect/platforms/" + platformKey, Map.of("agree", "yes"));
        assertEquals(303, start.statusCode(), start.body().asString());
        assertTrue(start.header("Location").contains("/sandbox/" + platformKey + "/oauth/authorize?"), start.header("Location"));

        Response consent = browser.get(path(start.header("Location")));
        assertEquals(200, consent.statusCode());
        String page = consent.body().asString();
        assertTrue(page.contains("Sandbox"), "clearly labelled");
        String name = Arc.container().instance(PlatformCatalog.class).get().find(platformKey).orElseThrow().name();
        assertTrue(page.contains(name), "names " + name);

        Map<String, String> form = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page);
        while (hidden.find()) {
            form.put(hidden.group(1), unescape(hidden.group(2)));
        }
        form.put("email", "demo@sandbox.example");
        form.put("password", "any password");
        form.put("decision", decision);
        return browser.post("/sandbox/" + platformKey + "/oauth/authorize", form);
    }

    /**
     * Connects the platform for the company that {@code email} signed up ({@link Browser#signUp}) and
     * returns the id of the now LINKED connection.
     */
    public static long connect(Browser browser, String email, String platformKey) {
        Response back = authorize(browser, platformKey, "allow");
        assertEquals(303, back.statusCode(), back.body().asString());
        Response callback = browser.get(path(back.header("Location")));
        assertEquals(303, callback.statusCode(), callback.body().asString());
        return ((Number) Rows.single("select max(c.id) from connection c join app_user u on u.company_id = c.company_id "
                + "where u.email = ?1 and c.platform_key = ?2 and c.status = 'LINKED'", email, platformKey)).longValue();
    }

    /** The path and query of an absolute URL, for following a redirect with {@link Browser#get}. */
    public static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">");
    }
}
