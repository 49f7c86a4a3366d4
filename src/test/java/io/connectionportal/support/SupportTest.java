package io.connectionportal.support;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Mailboxes;
import io.connectionportal.testing.Rows;

@QuarkusTest
class SupportTest {

    @Inject
    MockMailbox mailbox;

    @Test
    void aRequestIsStoredAndEmailedToSupportWithReplyToTheSender() {
        String marker = "Cannot find my bank " + UUID.randomUUID();
        Response response = new Browser()
                .submit(
                        "/support?from=/connect",
                        "/support",
                        Map.of(
                                "name",
                                "Camille Martin",
                                "email",
                                "camille@example.com",
                                "topic",
                                "connecting",
                                "message",
                                marker,
                                "from",
                                "/connect"));

        assertEquals(303, response.statusCode());
        assertEquals(
                1,
                Rows.count(
                        "support_request", "message = ?1 and topic = 'connecting' and from_page = '/connect'", marker));
        assertNull(
                Rows.single("select company_id from support_request where message = ?1", marker), "sent anonymously");

        Mail mail = Mailboxes.awaitMail(
                mailbox,
                "support@lendwell.example",
                m -> m.getText() != null && m.getText().contains(marker));
        assertTrue(mail.getSubject().contains("Support request #"));
        assertTrue(String.valueOf(mail.getReplyTo()).contains("camille@example.com"), "Reply-To is the sender");
        assertTrue(mail.getText().contains("Camille Martin <camille@example.com>"));
    }

    @Test
    void aSignedInRequestIsLinkedToTheCompanyAndPrefilled() {
        Browser browser = new Browser();
        String email = browser.signUp("Helped Co");
        browser.get("/support").then().body(containsString("value=\"" + email + "\""));

        String marker = "Signed-in question " + UUID.randomUUID();
        browser.submit(
                        "/support",
                        "/support",
                        Map.of("name", "Owner", "email", email, "topic", "privacy", "message", marker))
                .then()
                .statusCode(303);
        browser.get("/support").then().body(containsString("Your request is sent."));

        Object company = Rows.single("select company_id from support_request where message = ?1", marker);
        assertNotNull(company);
        assertEquals(Rows.single("select company_id from app_user where email = ?1", email), company);
    }

    @Test
    void badRequestsAreRefusedWithErrorsAndKeptValues() {
        long before = Rows.count("support_request", "email = 'not-an-email'");
        Response response = new Browser()
                .submit(
                        "/support",
                        "/support",
                        Map.of("name", "", "email", "not-an-email", "topic", "bitcoin", "message", "x".repeat(4001)));

        assertEquals(400, response.statusCode());
        String html = response.body().asString();
        for (String field : new String[] {"name", "email", "topic", "message"}) {
            assertTrue(html.contains("href=\"#" + field + "\""), field);
        }
        assertTrue(html.contains("value=\"not-an-email\""));
        assertEquals(before, Rows.count("support_request", "email = 'not-an-email'"));
    }

    @Test
    void everyPageOfTheFlowOffersSupport() {
        Browser browser = new Browser();
        browser.signUp("Flow Co");
        for (String page : new String[] {"/", "/connect", "/connect/consent", "/privacy", "/faq", "/support"}) {
            browser.get(page)
                    .then()
                    .statusCode(200)
                    .body(containsString("href=\"tel:+33184880000\""))
                    .body(containsString("href=\"mailto:support@lendwell.example\""))
                    .body(containsString("href=\"/support\""));
        }
    }

    @Test
    void faqAnswersWhatAWaryOwnerAsks() {
        new Browser()
                .get("/faq")
                .then()
                .statusCode(200)
                .body(containsString("id=\"what-is-shared\""))
                .body(containsString("id=\"who-sees\""))
                .body(containsString("id=\"disconnect\""))
                .body(containsString("id=\"accountant\""))
                .body(containsString("What if my accountant holds the login?"));
    }
}
