package io.connectionportal.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The business's journey through a packaged portal's pages, as plain form posts: sign-up, then a sandbox connect. */
final class SandboxJourney {

    static final String PASSWORD = "correct horse battery staple";

    private static final Pattern CONNECTED = Pattern.compile("/connect/connected/(\\d+)");

    private SandboxJourney() {}

    /** Signs up a new company; the browser is then signed in. */
    static void signUp(FormClient browser, String email, String companyName) throws Exception {
        HttpResponse<String> signedUp = browser.submit(
                browser.get("/signup"),
                "/signup",
                Map.of("email", email, "password", PASSWORD, "companyName", companyName));
        assertEquals("/connect", URI.create(FormClient.seeOther(signedUp)).getPath(), "signed up");
    }

    /** Agrees, signs in at the sandbox and allows; returns the new connection's id. */
    static long connect(FormClient browser, String platform) throws Exception {
        String platformPage = "/connect/platforms/" + platform;
        String authorize =
                FormClient.seeOther(browser.submit(browser.get(platformPage), platformPage, Map.of("agree", "yes")));
        HttpResponse<String> consent = browser.get(authorize);
        String callback = FormClient.seeOther(browser.submit(
                consent,
                "/sandbox/" + platform + "/oauth/authorize",
                Map.of("email", "demo@sandbox.example", "password", "any password", "decision", "allow")));
        Matcher id = CONNECTED.matcher(FormClient.seeOther(browser.get(callback)));
        assertTrue(id.find(), "connected");
        return Long.parseLong(id.group(1));
    }
}
