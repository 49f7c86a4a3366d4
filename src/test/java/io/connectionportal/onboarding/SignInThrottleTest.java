package io.connectionportal.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.shared.Hashes;
import io.connectionportal.shared.LogText;
import io.connectionportal.shared.PortalConfig;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.LogCapture;
import io.connectionportal.testing.Rows;

/**
 * Brute-force protection on sign-in. Every test signs in from addresses of its own (X-Forwarded-For,
 * which the test profile honours), so the locks it causes never reach the 127.0.0.1 other tests share.
 */
@QuarkusTest
class SignInThrottleTest {

    private static final String WRONG = "not the password at all";
    private static final String LOCKED = "Too many attempts to sign in. Try again in 1 minute";

    @Inject
    PortalConfig config;

    @Test
    void wrongPasswordsLockTheAccountAndThenEvenTheRightPasswordIsRefused() {
        String email = new Browser().signUp("Locked Out Ltd");
        String reference = Hashes.sha256Hex(email).substring(0, 12);
        Browser browser = from(newAddress());

        try (LogCapture logs = new LogCapture()) {
            for (int i = 0; i < lockAfter(); i++) {
                Response wrong = signIn(browser, email, WRONG);
                assertEquals(401, wrong.statusCode());
                assertTrue(wrong.body().asString().contains("The e-mail address or password is not right"));
            }
            assertTrue(logs.anyContains("Sign-in locked: account " + reference), "the lock is logged");
            assertFalse(logs.anyContains(WRONG), "never the password");
            assertFalse(logs.anyContains(email), "never the e-mail address");
        }

        Response right = signIn(browser, email, Browser.PASSWORD);
        assertLocked(right, email);

        // The account is locked, wherever the next attempt comes from, and in every language.
        assertLocked(signIn(from(newAddress()), email, Browser.PASSWORD), email);
        Response french = signIn(from(new Browser("fr"), newAddress()), email, Browser.PASSWORD);
        assertEquals(429, french.statusCode());
        assertTrue(french.body().asString().contains("Trop de tentatives de connexion. Réessayez dans 1 minute"));

        // The counter is a row of the shared database, so a second instance refuses the same way.
        assertEquals(lockAfter(), ((Number) accountRow("failures", email)).intValue());
        assertNotNull(accountRow("locked_until", email));
    }

    @Test
    void onceTheLockIsOverTheRightPasswordWorksAndTheCountStartsAfresh() {
        String email = new Browser().signUp("Patient Ltd");
        String address = newAddress();
        for (int i = 0; i < lockAfter(); i++) {
            signIn(from(address), email, WRONG);
        }
        assertEquals(429, signIn(from(address), email, Browser.PASSWORD).statusCode());

        assertEquals(
                1,
                Rows.execute(
                        "update sign_in_throttle set locked_until = ?1 where kind = 'ACCOUNT' and key_hash = ?2",
                        OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1),
                        Hashes.sha256Hex(email)));

        Response right = signIn(from(address), email, Browser.PASSWORD);
        assertEquals(303, right.statusCode());
        assertNotNull(right.getCookie("cp_session"));
        assertEquals(0, Rows.count("sign_in_throttle", "kind = 'ACCOUNT' and key_hash = ?1", Hashes.sha256Hex(email)));

        // A fresh count: one more wrong password is just a wrong password.
        assertEquals(401, signIn(from(address), email, WRONG).statusCode());
        assertEquals(1, ((Number) accountRow("failures", email)).intValue());
        assertNull(accountRow("locked_until", email));
    }

    @Test
    void anotherAccountFromTheSameAddressIsThrottledByTheAddressLimit() {
        String address = newAddress();
        String first = new Browser().signUp("Sprayed One Ltd");
        String second = new Browser().signUp("Sprayed Two Ltd");
        String third = new Browser().signUp("Sprayed Three Ltd");
        String addressHash = Hashes.sha256Hex(address);

        assertEquals(401, signIn(from(address), first, WRONG).statusCode());
        // Rather than a score of wrong passwords on several accounts, the count is set just short of the limit.
        Rows.execute(
                "update sign_in_throttle set failures = ?1 where kind = 'ADDRESS' and key_hash = ?2",
                addressLockAfter() - 1,
                addressHash);
        try (LogCapture logs = new LogCapture()) {
            assertEquals(401, signIn(from(address), second, WRONG).statusCode());
            assertTrue(logs.anyContains("Sign-in locked: address " + addressHash.substring(0, 12)), "logged");
            assertTrue(logs.anyContains("(attempt from " + address + ")"), "with the address");
        }

        assertLocked(signIn(from(address), third, Browser.PASSWORD), third);
        // The third account itself is not locked: from elsewhere its owner signs in.
        assertEquals(303, signIn(from(newAddress()), third, Browser.PASSWORD).statusCode());
    }

    @Test
    void anUnknownEmailGetsTheAnswerOfAWrongPasswordAndIsThrottledAlike() {
        String known = new Browser().signUp("Existing Ltd");
        String unknown = Browser.uniqueEmail();

        Response wrong = signIn(from(newAddress()), known, WRONG);
        Response nobody = signIn(from(newAddress()), unknown, WRONG);
        assertEquals(wrong.statusCode(), nobody.statusCode());
        assertEquals(errorSummary(wrong), errorSummary(nobody));
        assertTrue(errorSummary(nobody).contains("The e-mail address or password is not right"));

        for (int i = 1; i < lockAfter(); i++) {
            signIn(from(newAddress()), known, WRONG);
            signIn(from(newAddress()), unknown, WRONG);
        }
        Response knownLocked = signIn(from(newAddress()), known, WRONG);
        Response unknownLocked = signIn(from(newAddress()), unknown, WRONG);
        assertLocked(knownLocked, known);
        assertLocked(unknownLocked, unknown);
        assertEquals(errorSummary(knownLocked), errorSummary(unknownLocked));
        assertEquals(lockAfter(), ((Number) accountRow("failures", unknown)).intValue());
    }

    @Test
    void attemptsAtTheSameTimeCannotCheckMorePasswordsThanTheLimit() throws Exception {
        String email = new Browser().signUp("Raced Ltd");
        int attempts = lockAfter() + 7;
        List<Browser> browsers = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            Browser browser = from(newAddress());
            browser.get("/login");
            browsers.add(browser);
        }
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (Browser browser : browsers) {
                statuses.add(pool.submit(() -> browser.post("/login", Map.of("email", email, "password", WRONG))
                        .statusCode()));
            }
            int checked = 0;
            int refused = 0;
            for (Future<Integer> status : statuses) {
                int code = status.get();
                if (code == 401) {
                    checked++;
                } else if (code == 429) {
                    refused++;
                }
            }
            assertTrue(checked <= lockAfter(), checked + " passwords checked");
            assertEquals(attempts, checked + refused);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(429, signIn(from(newAddress()), email, Browser.PASSWORD).statusCode());
    }

    @Test
    void logLinesCannotBeForgedAndIpv6CountsByItsSlash64() {
        assertEquals("1.2.3.4__FORGED", LogText.clean("1.2.3.4\r\nFORGED"));
        assertEquals(
                SignInThrottle.addressKey("2001:db8:1:2:aaaa::1"), SignInThrottle.addressKey("2001:db8:1:2:bbbb::2"));
        assertEquals("2001:db8:1:2:0:0:0:0/64", SignInThrottle.addressKey("2001:db8:1:2:aaaa::1"));
        assertEquals("192.0.2.7", SignInThrottle.addressKey("::ffff:192.0.2.7"));
        assertEquals("192.0.2.7", SignInThrottle.addressKey("192.0.2.7"));
    }

    private void assertLocked(Response response, String email) {
        assertEquals(429, response.statusCode());
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        assertTrue(
                retryAfter >= 1 && retryAfter <= config.signIn().firstLock().toSeconds(), "Retry-After " + retryAfter);
        String html = response.body().asString();
        assertTrue(html.contains("class=\"error-summary\""), "error summary");
        assertTrue(html.contains("id=\"email-error\""), "inline error");
        assertTrue(html.contains(LOCKED), "message");
        assertTrue(html.contains("value=\"" + email + "\""), "e-mail kept");
        assertFalse(html.contains(Browser.PASSWORD), "the password is never echoed");
        assertNull(response.getCookie("cp_session"));
    }

    private static String errorSummary(Response response) {
        String html = response.body().asString();
        int start = html.indexOf("class=\"error-summary\"");
        return html.substring(start, html.indexOf("</div>", start));
    }

    private static Response signIn(Browser browser, String email, String password) {
        return browser.submit("/login", "/login", Map.of("email", email, "password", password));
    }

    private static Browser from(String address) {
        return from(new Browser(), address);
    }

    private static Browser from(Browser browser, String address) {
        browser.setHeader("X-Forwarded-For", address);
        return browser;
    }

    /** An address of the private 10/8 range that no other test uses. */
    private static String newAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    private static Object accountRow(String column, String email) {
        return Rows.single(
                "select " + column + " from sign_in_throttle where kind = 'ACCOUNT' and key_hash = ?1",
                Hashes.sha256Hex(email));
    }

    private int lockAfter() {
        return config.signIn().accountLockAfter();
    }

    private int addressLockAfter() {
        return config.signIn().addressLockAfter();
    }
}
