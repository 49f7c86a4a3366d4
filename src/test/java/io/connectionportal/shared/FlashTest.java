package io.connectionportal.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** Flash knows no feature: notices come from the features' registrations, by name only. */
@QuarkusTest
class FlashTest {

    @Test
    void aRegisteredNoticeIsShownInTheRequestLanguageAndThenCleared() {
        Response shown = given().cookie("flash", "SUPPORT_SENT")
                .header("Accept-Language", "fr")
                .get("/faq");
        shown.then().statusCode(200).body(containsString("Votre demande est envoyée."));
        assertTrue(
                shown.headers().getValues("Set-Cookie").stream()
                        .anyMatch(c -> c.startsWith("flash=") && c.contains("Max-Age=0")),
                shown.headers().getValues("Set-Cookie").toString());
        given().cookie("flash", "CONNECTION_DELETED")
                .get("/faq")
                .then()
                .body(containsString("The connection and its data are deleted."));
    }

    @Test
    void anUnknownNameIsIgnoredAndNeverEchoed() {
        given().cookie("flash", "Free money here")
                .get("/faq")
                .then()
                .statusCode(200)
                .body(not(containsString("notice-success")))
                .body(not(containsString("Free money")));
        given().cookie("flash", "text").get("/faq").then().body(not(containsString("notice-success")));
    }
}
