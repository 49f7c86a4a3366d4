package io.connectionportal.onboarding;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.BrowserTest;
import io.connectionportal.testing.Chromium;
import io.connectionportal.testing.Chromium.Walk;
import io.connectionportal.testing.Mailboxes;
import io.connectionportal.testing.Walks;

/**
 * A business owner who forgot the password: from the sign-in page to the e-mail, the link, a refused weak password,
 * a good one, and signing in with it. Every page passes axe-core's WCAG 2.1 AA rules on a desktop and a phone, and
 * the walk needs no JavaScript.
 */
@QuarkusTest
@BrowserTest
class PasswordResetBrowserTest {

    private static final Pattern LINK = Pattern.compile("(/password/reset\\?token=[A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "seven blue kettles whistle at dawn";

    @TestHTTPResource("/")
    URL root;

    @Inject
    MockMailbox mailbox;

    @Walks
    void forgotPasswordToMailToNewPasswordToSignIn(Walk walk, Page page) {
        String email = new Browser().signUp("Forgetful Co");

        page.navigate(root + "login");
        Chromium.click(
                walk, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?")));
        Chromium.assertUrlEndsWith(page, "/password/forgot");
        Chromium.check(walk, page, "password-reset", "forgot");

        page.getByLabel("E-mail address").fill("owner@");
        Chromium.click(walk, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link")));
        assertThat(page.locator(".error-summary")).isVisible();
        assertThat(page.getByLabel("E-mail address")).hasValue("owner@");
        Chromium.check(walk, page, "password-reset", "forgot with errors");

        page.getByLabel("E-mail address").fill(email);
        Chromium.click(walk, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link")));
        Chromium.assertUrlEndsWith(page, "/password/forgot/sent");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your e-mail")))
                .isVisible();
        Chromium.check(walk, page, "password-reset", "sent");

        Mail mail = Mailboxes.awaitMail(mailbox, email, m -> m.getSubject().startsWith("Choose a new password"));
        Matcher link = LINK.matcher(mail.getText());
        assertTrue(link.find(), mail.getText());
        page.navigate(root + link.group(1).substring(1));
        Chromium.assertUrlEndsWith(page, "/password/reset");
        assertFalse(page.url().contains("token"), "the token left the address bar");
        Chromium.check(walk, page, "password-reset", "new password");

        page.getByLabel("New password").fill("password12345");
        Chromium.click(
                walk, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the new password")));
        assertThat(page.locator(".error-summary")).isVisible();
        assertThat(page.locator("#password-error")).containsText("too common");
        Chromium.check(walk, page, "password-reset", "new password with errors");

        page.getByLabel("New password").fill(NEW_PASSWORD);
        Chromium.click(
                walk, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save the new password")));
        Chromium.assertUrlEndsWith(page, "/login");
        assertThat(page.getByText("Your password is changed")).isVisible();
        Chromium.check(walk, page, "password-reset", "signed out with a notice");

        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill(NEW_PASSWORD);
        Chromium.click(walk, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")));
        Chromium.assertUrlEndsWith(page, "/connect");
    }
}
