package io.connectionportal.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class GreetingMailTest {

    @Inject
    MockMailbox mailbox;

    /** Sending is asynchronous by design (sign-up never waits for SMTP); wait until it has happened. */
    private List<Mail> mailTo(String address) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<Mail> mails = mailbox.getMailsSentTo(address);
            if (mails != null && !mails.isEmpty()) {
                return mails;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No e-mail was sent to " + address);
    }

    @Test
    void signUpSendsAGreetingWithStepsAndAConnectButton() throws InterruptedException {
        String email = new Browser().signUp("Greeted Co");

        List<Mail> mails = mailTo(email);
        assertEquals(1, mails.size());
        Mail mail = mails.get(0);
        assertEquals("Welcome to Lendwell: connect in two minutes", mail.getSubject());
        assertTrue(mail.getHtml().contains("href=\"http://localhost:8080/connect\""), mail.getHtml());
        assertTrue(mail.getHtml().contains("<ol"), "a numbered list of steps");
        assertTrue(mail.getHtml().contains("Connect your platforms"));
        assertTrue(mail.getHtml().contains("Welcome, Greeted Co"));
        assertTrue(mail.getText().contains("2. Connect your platforms."), mail.getText());
        assertTrue(mail.getText().contains("http://localhost:8080/connect"));
    }

    @Test
    void aFrenchSignUpGetsAFrenchGreeting() throws InterruptedException {
        String email = Browser.uniqueEmail();
        new Browser("fr-FR,fr;q=0.9").submit("/signup", "/signup",
                Map.of("email", email, "password", Browser.PASSWORD, "companyName", "Boulangerie Dupont"));

        Mail mail = mailTo(email).get(0);
        assertEquals("Bienvenue chez Lendwell : connectez-vous en deux minutes", mail.getSubject());
        assertTrue(mail.getHtml().contains("lang=\"fr\""));
        assertTrue(mail.getText().contains("2. Connectez vos plateformes."), mail.getText());
    }
}
