package io.connectionportal.sandbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import io.connectionportal.testing.BrowserTest;
import io.connectionportal.testing.Chromium;
import io.connectionportal.testing.Chromium.Walk;
import io.connectionportal.testing.Walks;

/**
 * The sandbox's sign-in and consent page in a real browser: on a desktop and a 390 px phone with
 * axe-core's WCAG 2.1 AA rules, and on the phone without JavaScript, which proves Allow needs none.
 */
@QuarkusTest
@BrowserTest
class SandboxBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    SandboxClient client;

    private String authorizeUrl(String platform, String redirectUri) {
        String verifier = Secrets.random();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", "connection-portal");
        params.put("redirect_uri", redirectUri);
        params.put("scope", "offline_access company_info.read invoices.read bills.read");
        params.put("state", "browser-state");
        params.put("code_challenge", Secrets.s256(verifier));
        params.put("code_challenge_method", "S256");
        return root.toString().replaceAll("/$", "") + "/sandbox/" + platform + "/oauth/authorize?"
                + params.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }

    @Walks
    void signInWithAMistakeThenAllow(Walk walk, Page page) {
        page.navigate(authorizeUrl("xero", client.redirectUri()));
        assertThat(page).hasTitle("Sign in to Xero (Sandbox)");
        assertThat(page.getByText("Sandbox — simulated sign-in.")).isVisible();
        Chromium.check(walk, page, "sandbox", "consent");

        page.getByLabel("E-mail address").fill("");
        Chromium.click(walk, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Allow")));
        page.waitForLoadState();
        assertThat(page).hasTitle(Pattern.compile("^Error: .*"));
        Chromium.check(walk, page, "sandbox", "consent error");

        page.getByLabel("E-mail address").fill("owner@example.com");
        // The portal's callback is not the subject here: the 303 the sandbox answers is.
        Response allowed = page.waitForResponse(
                r -> r.url().contains("/oauth/authorize")
                        && r.request().method().equals("POST"),
                () -> Chromium.click(
                        walk, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Allow"))));
        assertEquals(303, allowed.status());
        String location = allowed.headerValue("location");
        assertTrue(location.startsWith(client.redirectUri() + "?code="), location);
        assertTrue(location.contains("state=browser-state"), location);
    }

    @Walks(Walk.PHONE)
    void theFrenchPageAndTheRejectionPageAreAccessibleToo(BrowserContext context, Page page) {
        // The language the portal's switcher remembers; the sandbox page follows it.
        context.addCookies(List.of(new Cookie("lang", "fr").setUrl(root.toString())));
        page.navigate(authorizeUrl("pennylane", client.redirectUri()));
        assertThat(page).hasTitle("Se connecter à Pennylane (bac à sable)");
        Chromium.check(Walk.PHONE, page, "sandbox", "consent fr");

        page.navigate(authorizeUrl("pennylane", "https://evil.example/callback"));
        assertThat(page.getByText("L’adresse de retour n’est pas celle enregistrée pour l’application."))
                .isVisible();
        Chromium.check(Walk.PHONE, page, "sandbox", "rejected fr");
    }
}
