package io.connectionportal.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.IntStream;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;

/** Two sign-ups with one e-mail at the same instant: one account, and the other person gets the form back. */
@QuarkusTest
class ConcurrentSignupTest {

    @Test
    void theSecondOfTwoSimultaneousSignUpsGetsTheFormWithItsError() throws Exception {
        String email = Browser.uniqueEmail();
        int attempts = 4;
        CyclicBarrier together = new CyclicBarrier(attempts);
        List<CompletableFuture<Integer>> answers = IntStream.range(0, attempts)
                .mapToObj(i -> {
                    Browser browser = new Browser();
                    browser.get("/signup");
                    return CompletableFuture.supplyAsync(() -> {
                        await(together);
                        return browser.post(
                                        "/signup",
                                        Map.of(
                                                "email",
                                                email,
                                                "password",
                                                Browser.PASSWORD,
                                                "companyName",
                                                "Race Co " + i))
                                .statusCode();
                    });
                })
                .toList();

        List<Integer> statuses =
                answers.stream().map(CompletableFuture::join).sorted().toList();

        assertEquals(1, statuses.stream().filter(s -> s == 303).count(), "one account: " + statuses);
        assertEquals(
                attempts - 1, statuses.stream().filter(s -> s == 409).count(), "the others see the error: " + statuses);
        assertEquals(1, Rows.count("app_user", "email = ?1", email));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
