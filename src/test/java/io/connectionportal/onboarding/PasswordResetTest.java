package io.connectionportal.onboarding;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.shared.Hashes;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.LogCapture;
import io.connectionportal.testing.Mailboxes;
import io.connectionportal.testing.Rows;

/** "Forgot your password?": one answer for every address, a link that works once, and every session ended by it. */
@QuarkusTest
class PasswordResetTest {

    private static final String NEW_PASSWORD = "lighthouse keepers brew strong tea";
    private static final Pattern LINK = Pattern.compile("/password/reset\\?token=([A-Za-z0-9_-]+)");

    @Inject
    MockMailbox mailbox;

    @Inject
    PasswordResets resets;

    @Test
    void anAddressWithoutAnAccountGetsTheSameAnswerAndNoMail() {
        String known = new Browser().signUp("Known Co");
        String unknown = Browser.uniqueEmail();

        Response forKnown = ask(new Browser(), known);
        Response forUnknown = ask(new Browser(), unknown);

        assertEquals(303, forKnown.statusCode());
        assertEquals(forKnown.statusCode(), forUnknown.statusCode());
        assertEquals(forKnown.header("Location"), forUnknown.header("Location"));
        String page = new Browser()
                .get(forUnknown.header("Location"))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("If an account exists for the address you entered"), page);
        assertEquals(1, Rows.count("mail_outbox", "recipient = ?1 and subject like 'Choose a new password%'", known));
        assertEquals(0, Rows.count("mail_outbox", "recipient = ?1", unknown));
    }

    @Test
    void theLoginPageLinksToTheForm() {
        new Browser().get("/login").then().body(containsString("href=\"/password/forgot\""));
        new Browser().get("/password/forgot").then().statusCode(200).body(containsString("name=\"csrf-token\""));
    }

    @Test
    void aMalformedAddressIsRefusedWithTheFormKept() {
        Response response = new Browser().submit("/password/forgot", "/password/forgot", Map.of("email", "owner@"));
        assertEquals(400, response.statusCode());
        String html = response.asString();
        assertTrue(html.contains("class=\"error-summary\""));
        assertTrue(html.contains("id=\"email-error\""));
        assertTrue(html.contains("value=\"owner@\""));
    }

    @Test
    void theLinkSetsANewPasswordOnceAndEndsEverySessionOfTheAccount() {
        Browser owner = new Browser();
        String email = owner.signUp("Reset Co");
        Browser phone = browserAt(someAddress());
        phone.submit("/login", "/login", Map.of("email", email, "password", Browser.PASSWORD))
                .then()
                .statusCode(303);

        ask(new Browser(), email);
        String token = tokenFromMail(email);
        Browser mailClient = new Browser();
        Response opened = mailClient.get("/password/reset?token=" + token);
        assertEquals(303, opened.statusCode());
        assertFalse(opened.header("Location").contains(token), "the token leaves the address bar");
        mailClient.get("/password/reset").then().statusCode(200).body(containsString("Choose a new password"));

        Response reset = mailClient.post("/password/reset", Map.of("password", NEW_PASSWORD));
        assertEquals(303, reset.statusCode());
        assertTrue(reset.header("Location").endsWith("/login"), reset.header("Location"));
        mailClient.get("/login").then().body(containsString("Your password is changed"));

        owner.get("/account").then().statusCode(303).header("Location", containsString("/login"));
        phone.get("/account").then().statusCode(303).header("Location", containsString("/login"));
        assertEquals(0, Rows.count("user_session s join app_user u on u.id = s.user_id", "u.email = ?1", email));
        assertEquals(401, signIn(email, Browser.PASSWORD).statusCode());
        assertEquals(303, signIn(email, NEW_PASSWORD).statusCode());

        Browser again = new Browser();
        again.get("/password/reset?token=" + token);
        again.get("/password/reset").then().statusCode(410).body(containsString("This link no longer works"));
        assertEquals(
                410,
                again.post("/password/reset", Map.of("password", "another fine long phrase"))
                        .statusCode());
        assertEquals(303, signIn(email, NEW_PASSWORD).statusCode(), "the used link changed nothing");
    }

    @Test
    void anExpiredLinkShowsAPageThatOffersANewOne() {
        String email = new Browser().signUp("Late Co");
        ask(new Browser(), email);
        String token = tokenFromMail(email);
        Rows.execute(
                "update password_reset set expires_at = ?1 where token_hash = ?2",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1),
                Hashes.sha256Hex(token));

        Browser browser = new Browser();
        browser.get("/password/reset?token=" + token);
        String page =
                browser.get("/password/reset").then().statusCode(410).extract().asString();
        assertTrue(page.contains("href=\"/password/forgot\""), "a way to ask again");
        assertEquals(
                410,
                browser.post("/password/reset", Map.of("password", NEW_PASSWORD))
                        .statusCode());
        assertEquals(303, signIn(email, Browser.PASSWORD).statusCode());
    }

    @Test
    void aForgedOrMissingTokenIsAClearPageNeverAnError() {
        new Browser().get("/password/reset").then().statusCode(410);
        new Browser().get("/password/reset?token=").then().statusCode(410);
        new Browser().get("/password/reset?token=%27%3B--").then().statusCode(410);
        Browser forged = new Browser();
        forged.get("/password/reset?token=" + "A".repeat(43)).then().statusCode(303);
        forged.get("/password/reset").then().statusCode(410).body(containsString("This link no longer works"));
    }

    @Test
    void usingOneLinkMakesTheAccountsOtherLinksWorthless() {
        String email = new Browser().signUp("Two Links Co");
        ask(new Browser(), email);
        ask(new Browser(), email);
        Mailboxes.deliverOutbox();
        List<String> tokens = tokensFromMails(email);
        assertEquals(2, tokens.size(), "both requests sent a link");

        Browser newer = new Browser();
        newer.get("/password/reset?token=" + tokens.get(1));
        newer.get("/password/reset").then().statusCode(200);
        assertEquals(
                303,
                newer.post("/password/reset", Map.of("password", NEW_PASSWORD)).statusCode());

        Browser older = new Browser();
        older.get("/password/reset?token=" + tokens.get(0));
        older.get("/password/reset").then().statusCode(410);
    }

    @Test
    void twoTabsPostingTheSameLinkSetOnlyOnePassword() throws Exception {
        String email = new Browser().signUp("Two Tabs Co");
        ask(new Browser(), email);
        String token = tokenFromMail(email);
        List<Browser> tabs = List.of(new Browser(), new Browser());
        for (Browser tab : tabs) {
            tab.get("/password/reset?token=" + token);
            tab.get("/password/reset").then().statusCode(200);
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            String[] passwords = {"first tab chooses this phrase", "second tab chooses another one"};
            for (int i = 0; i < 2; i++) {
                Browser tab = tabs.get(i);
                String password = passwords[i];
                statuses.add(pool.submit(() -> {
                    start.await();
                    return tab.post("/password/reset", Map.of("password", password))
                            .statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 303).count(), codes.toString());
            assertEquals(1, codes.stream().filter(c -> c == 410).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        boolean first = signIn(email, "first tab chooses this phrase").statusCode() == 303;
        boolean second = signIn(email, "second tab chooses another one").statusCode() == 303;
        assertTrue(first ^ second, "exactly one of the two passwords was set");
    }

    @Test
    void aWeakNewPasswordIsRefusedWithTheRuleAndTheLinkStillWorks() {
        String email = new Browser().signUp("Weak Choice Co");
        ask(new Browser(), email);
        String token = tokenFromMail(email);
        Browser browser = new Browser();
        browser.get("/password/reset?token=" + token);
        browser.get("/password/reset").then().body(containsString("12 to 128 characters"));

        Response weak = browser.post("/password/reset", Map.of("password", "Password123456"));
        assertEquals(400, weak.statusCode());
        String html = weak.asString();
        assertTrue(html.contains("class=\"error-summary\""));
        assertTrue(html.contains("href=\"#password\""));
        assertTrue(html.contains("id=\"password-error\""));
        assertTrue(html.contains("too common"), html);
        assertFalse(html.contains("Password123456"), "never echoed");

        Response mine = browser.post("/password/reset", Map.of("password", email + "!"));
        assertEquals(400, mine.statusCode());
        assertTrue(mine.asString().contains("e-mail address"));

        assertEquals(
                303,
                browser.post("/password/reset", Map.of("password", NEW_PASSWORD))
                        .statusCode());
    }

    @Test
    void anAccountGetsAtMostThreeLinksAnHour() {
        String email = new Browser().signUp("Flooded Co");
        for (int i = 0; i < 5; i++) {
            Response response = ask(new Browser(), email);
            assertEquals(303, response.statusCode(), "the same answer every time");
        }
        assertEquals(3, Rows.count("password_reset r join app_user u on u.id = r.user_id", "u.email = ?1", email));
        assertEquals(3, Rows.count("mail_outbox", "recipient = ?1 and subject like 'Choose a new password%'", email));
    }

    @Test
    void theTokenIsStoredOnlyAsItsHashAndNeverLogged() {
        Browser owner = new Browser();
        String email = owner.signUp("Quiet Logs Co");
        long userId = ((Number) Rows.single("select id from app_user where email = ?1", email)).longValue();
        String address = someAddress();
        Browser browser = browserAt(address);
        List<String> requestLines;
        try (LogCapture log = new LogCapture()) {
            ask(browser, email);
            requestLines = log.linesContaining("security event=password_reset_request outcome=allowed");
            assertFalse(log.anyContains(email));
        }
        assertEquals(1, requestLines.size(), requestLines.toString());
        assertTrue(requestLines.get(0).contains("account=" + userId), requestLines.get(0));
        // Delivered outside the capture: the mock mailer itself logs what it "sends" (quarkus.mailer.mock=true).
        String token = tokenFromMail(email);

        assertEquals(1, Rows.count("password_reset", "token_hash = ?1", Hashes.sha256Hex(token)));
        assertEquals(0, Rows.count("password_reset", "token_hash = ?1", token));
        try (LogCapture log = new LogCapture()) {
            browser.get("/password/reset?token=" + token);
            browser.get("/password/reset").then().statusCode(200);
            browser.post("/password/reset", Map.of("password", NEW_PASSWORD))
                    .then()
                    .statusCode(303);

            assertFalse(log.anyContains(token), "the token is never logged");
            assertFalse(log.anyContains(NEW_PASSWORD));
            assertFalse(log.anyContains(email));
            List<String> reset = log.linesContaining("security event=password_reset outcome=allowed account=" + userId);
            assertEquals(1, reset.size(), reset.toString());
            assertTrue(reset.get(0).contains("address=" + address), reset.get(0));
        }
    }

    @Test
    void usedAndExpiredLinksArePurgedAfterTheirRetentionAndLiveOnesStay() {
        String email = new Browser().signUp("Purged Links Co");
        ask(new Browser(), email);
        ask(new Browser(), email);
        long userId = ((Number) Rows.single("select id from app_user where email = ?1", email)).longValue();
        long older =
                ((Number) Rows.single("select min(id) from password_reset where user_id = ?1", userId)).longValue();
        Rows.execute(
                "update password_reset set created_at = ?1, expires_at = ?2 where id = ?3",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(3),
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(2),
                older);

        resets.purge(Instant.now());

        assertEquals(0, Rows.count("password_reset", "id = ?1", older));
        assertEquals(1, Rows.count("password_reset", "user_id = ?1", userId), "the live link stays");
    }

    private static Response ask(Browser browser, String email) {
        return browser.submit("/password/forgot", "/password/forgot", Map.of("email", email));
    }

    private String tokenFromMail(String email) {
        Mail mail = Mailboxes.awaitMail(mailbox, email, m -> m.getSubject().startsWith("Choose a new password"));
        assertNotNull(mail.getHtml());
        assertTrue(mail.getHtml().contains("30 minutes"), mail.getHtml());
        Matcher matcher = LINK.matcher(mail.getText());
        assertTrue(matcher.find(), mail.getText());
        return matcher.group(1);
    }

    private List<String> tokensFromMails(String email) {
        List<String> tokens = new ArrayList<>();
        for (Mail mail : mailbox.getMailsSentTo(email)) {
            Matcher matcher = LINK.matcher(mail.getText() == null ? "" : mail.getText());
            if (matcher.find()) {
                tokens.add(matcher.group(1));
            }
        }
        return tokens;
    }

    /** A browser at a client address of its own (X-Forwarded-For, trusted in tests): the shared 127.0.0.1 never
     * reaches its sign-in limit through this test's wrong passwords. */
    static Browser browserAt(String address) {
        Browser browser = new Browser();
        browser.setHeader("X-Forwarded-For", address);
        return browser;
    }

    static String someAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10.91." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }

    private static Response signIn(String email, String password) {
        return browserAt(someAddress()).submit("/login", "/login", Map.of("email", email, "password", password));
    }
}
