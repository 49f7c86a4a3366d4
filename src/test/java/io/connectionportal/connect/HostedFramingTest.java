package io.connectionportal.connect;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;

/** The test profile lets https://app.lender.example frame the hosted journey, and nothing else. */
@QuarkusTest
class HostedFramingTest {

    @Test
    void theJourneyMayBeFramedByTheConfiguredOriginOnly() {
        Browser business = new Browser();
        business.signUp("Cadre Société");
        for (String page : List.of("/connect", "/connect/platforms", "/privacy")) {
            business.get(page)
                    .then()
                    .statusCode(200)
                    .header("Content-Security-Policy", containsString("frame-ancestors https://app.lender.example"))
                    .header("Content-Security-Policy", not(containsString("frame-ancestors 'none'")))
                    .header("X-Frame-Options", nullValue());
        }
        new Browser()
                .get("/link/unknown-token")
                .then()
                .statusCode(404)
                .header("Content-Security-Policy", containsString("frame-ancestors https://app.lender.example"));
    }

    @Test
    void everyOtherPageStillRefusesEveryFrame() {
        Browser business = new Browser();
        business.signUp("Hors Cadre");
        for (String page : List.of("/connections", "/account", "/login", "/")) {
            business.get(page)
                    .then()
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Frame-Options", "DENY");
        }
    }

    @Test
    void onlyOriginsAreAccepted() {
        assertEquals(
                "https://app.lender.example http://localhost:3000",
                HostedFraming.checked(List.of("https://app.lender.example", " http://localhost:3000")));
        for (String wrong :
                List.of("*", "https:", "http://app.lender.example", "https://app.lender.example/path", "'self'")) {
            assertThrows(IllegalStateException.class, () -> HostedFraming.checked(List.of(wrong)), wrong);
        }
    }
}
