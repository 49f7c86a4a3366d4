package io.connectionportal.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.shared.PortalConfig;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Mailboxes;

@QuarkusTest
class GreetingMailTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    PortalConfig config;

    @Test
    void signUpSendsAGreetingWithStepsAndAConnectButton() {
        String email = new Browser().signUp("Greeted Co");

        Mail mail = Mailboxes.awaitMail(mailbox, email, m -> true);
        assertEquals(1, mailbox.getMailsSentTo(email).size());
        assertEquals("Welcome to Lendwell: connect in two minutes", mail.getSubject());
        assertTrue(mail.getHtml().contains("href=\"" + config.baseUrl() + "/connect\""), mail.getHtml());
        assertTrue(mail.getHtml().contains("<ol"), "a numbered list of steps");
        assertTrue(mail.getHtml().contains("Connect your platforms"));
        assertTrue(mail.getHtml().contains("Welcome, Greeted Co"));
        assertTrue(mail.getText().contains("2. Connect your platforms."), mail.getText());
        assertTrue(mail.getText().contains(config.baseUrl() + "/connect"));
    }

    @Test
    void aFrenchSignUpGetsAFrenchGreeting() {
        String email = Browser.uniqueEmail();
        new Browser("fr-FR,fr;q=0.9")
                .submit(
                        "/signup",
                        "/signup",
                        Map.of("email", email, "password", Browser.PASSWORD, "companyName", "Boulangerie Dupont"));

        Mail mail = Mailboxes.awaitMail(mailbox, email, m -> true);
        // "Se connecter" is for signing in: a platform is "reliée", and French puts a non-breaking space before a
        // colon.
        assertEquals("Bienvenue chez Lendwell\u00a0: reliez vos plateformes en deux minutes", mail.getSubject());
        assertTrue(mail.getHtml().contains("lang=\"fr\""));
        assertTrue(mail.getText().contains("2. Reliez vos plateformes."), mail.getText());
        assertTrue(
                mail.getText().contains("Relier mes plateformes\u00a0: " + config.baseUrl() + "/connect"),
                mail.getText());
        assertFalse(
                mail.getText()
                        .replace(config.baseUrl() + "/connect", "")
                        .toLowerCase(Locale.ROOT)
                        .contains("connect"),
                mail.getText());
    }
}
