package io.connectionportal.connect;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;
import io.connectionportal.testing.ThirdPartyProvider;

/** A colleague without an account connects through a single-use, expiring link; the company sees who. */
@QuarkusTest
@QuarkusTestResource(ThirdPartyProvider.class)
class ShareLinkTest {

    private static final Pattern LINK = Pattern.compile("value=\"https?://[^\"]+/share/([A-Za-z0-9_-]+)\"");

    /** Signs up a company that agreed to share accounting data, and returns it with a fresh link's token. */
    private static String[] companyWithLink(String name) {
        Browser owner = new Browser();
        String email = owner.signUp(name);
        owner.submit("/connect/consent", "/connect/consent", Map.of("category", "accounting", "agree", "yes"));
        Response created = owner.submit("/connect/share", "/connect/share", Map.of("colleague", "Our accountant"));
        assertEquals(303, created.statusCode(), created.body().asString());
        String page = owner.get(URI.create(created.header("Location")).getPath())
                .body()
                .asString();
        Matcher matcher = LINK.matcher(page);
        assertTrue(matcher.find(), page);
        assertTrue(page.contains("mailto:?subject="), "a prefilled e-mail");
        return new String[] {
            email, matcher.group(1), URI.create(created.header("Location")).getPath()
        };
    }

    private static String pathAndQuery(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    @Test
    void aColleagueConnectsWithoutAnAccountAndTheCompanySeesWho() {
        String[] company = companyWithLink("Shared Co");
        Browser colleague = new Browser();

        colleague
                .get("/share/" + company[1])
                .then()
                .statusCode(200)
                .body(containsString("Connect a platform for Shared Co"))
                .body(containsString("FreeAgent"))
                .body(not(containsString("Shopify")));
        Response start =
                colleague.post("/share/" + company[1], Map.of("name", "Jeanne Comptable", "platform", "freeagent"));
        assertEquals(303, start.statusCode(), start.body().asString());

        Response atProvider = RestAssured.given()
                .urlEncodingEnabled(false)
                .redirects()
                .follow(false)
                .get(start.header("Location"));
        Response back = colleague.get(pathAndQuery(atProvider.header("Location")));
        assertEquals(303, back.statusCode(), back.body().asString());
        // The success page is the colleague's own link page: it names the company, in a frame without sign-in links.
        assertEquals(
                "/share/" + company[1] + "/done",
                URI.create(back.header("Location")).getPath());
        colleague
                .get(URI.create(back.header("Location")).getPath())
                .then()
                .statusCode(200)
                .body(containsString("FreeAgent is connected for Shared Co"))
                .body(not(containsString("href=\"/login\"")))
                .body(not(containsString("href=\"/signup\"")));

        assertEquals(
                1,
                Rows.count(
                        "connection c join app_user u on u.company_id = c.company_id",
                        "u.email = ?1 and c.status = 'LINKED' and c.connected_by = 'Jeanne Comptable' and c.share_link_id is not null",
                        company[0]));
        Browser owner = new Browser();
        owner.submit("/login", "/login", Map.of("email", company[0], "password", Browser.PASSWORD));
        owner.get("/connections").then().body(containsString("Jeanne Comptable (through a share link)"));
        owner.get(company[2]).then().body(containsString("used by Jeanne Comptable"));
    }

    @Test
    void aLinkMakesOneConnectionWhoeverFinishesFirst() {
        String[] company = companyWithLink("Once Co");
        Browser first = new Browser();
        Browser second = new Browser();
        String firstAtProvider = startAs(first, company[1], "First");
        String secondAtProvider = startAs(second, company[1], "Second");

        assertEquals(303, backFromProvider(first, firstAtProvider).statusCode());
        Response late = backFromProvider(second, secondAtProvider);

        assertEquals(410, late.statusCode());
        assertTrue(late.body().asString().contains("already been used"));
        new Browser().get("/share/" + company[1]).then().statusCode(410).body(containsString("already been used"));
        assertEquals(
                1,
                Rows.count("connection c join app_user u on u.company_id = c.company_id", "u.email = ?1", company[0]));
        assertEquals(
                "First",
                Rows.single(
                        "select used_by_name from share_link where company_id = (select company_id from app_user where email = ?1)",
                        company[0]));
    }

    @Test
    void aColleagueWhoDeniesAtTheProviderLeavesTheLinkUsable() {
        String[] company = companyWithLink("Denied Once Co");
        Browser colleague = new Browser();
        String atProvider = startAs(colleague, company[1], "Hesitant");
        String denied = atProvider.replaceAll("code=[^&]+", "error=access_denied");

        Response back = colleague.get(pathAndQuery(denied));
        assertEquals(303, back.statusCode());

        // No dead end: the page names the company and offers to try again with the same link.
        assertEquals(
                "/share/" + company[1] + "/cancelled",
                URI.create(back.header("Location")).getPath());
        colleague
                .get("/share/" + company[1] + "/cancelled")
                .then()
                .statusCode(200)
                .body(containsString("nothing was shared with Denied Once Co"))
                .body(containsString("href=\"/share/" + company[1] + "\""))
                .body(not(containsString("href=\"/signup\"")));
        colleague.get("/share/" + company[1]).then().statusCode(200);
        assertEquals(
                303,
                backFromProvider(colleague, startAs(colleague, company[1], "Decided"))
                        .statusCode());
    }

    @Test
    void theCompanyCanCancelALinkItSent() {
        String[] company = companyWithLink("Cancelling Co");
        Browser owner = new Browser();
        owner.submit("/login", "/login", Map.of("email", company[0], "password", Browser.PASSWORD));

        assertTrue(owner.get(company[2]).body().asString().contains("id=\"cancel-link\""), "a Cancel button");
        Browser nosy = new Browser();
        nosy.signUp("Cancel Nosy Co");
        assertEquals(
                404,
                nosy.submit("/connect/share", company[2] + "/cancel", Map.of()).statusCode());
        new Browser().get("/share/" + company[1]).then().statusCode(200);

        Response cancelled = owner.submit(company[2], company[2] + "/cancel", Map.of());

        assertEquals(303, cancelled.statusCode());
        new Browser()
                .get("/share/" + company[1])
                .then()
                .statusCode(410)
                .body(containsString("The company cancelled this link."))
                .body(containsString("Ask Cancelling Co to send you a new one"))
                .body(not(containsString("href=\"/login\"")));
        String page = owner.get(company[2]).body().asString();
        assertTrue(page.contains("You cancelled this link: it no longer works."), page);
        assertTrue(
                !page.contains("id=\"cancel-link\"") && !page.contains("id=\"share-url\""),
                "nothing left to copy or cancel");
        owner.get("/connect/share").then().body(containsString("cancelled"));
        // A cancelled link cannot start a connection either.
        assertEquals(
                410,
                new Browser()
                        .submit(
                                "/share/" + company[1],
                                "/share/" + company[1],
                                Map.of("name", "Late", "platform", "freeagent"))
                        .statusCode());
    }

    @Test
    void anExpiredLinkIsRefused() {
        String[] company = companyWithLink("Late Co");
        Rows.execute(
                "update share_link set expires_at = ?1 where company_id = (select company_id from app_user where email = ?2)",
                OffsetDateTime.now().minusMinutes(1),
                company[0]);
        Browser colleague = new Browser();
        colleague.get("/share/" + company[1]).then().statusCode(410).body(containsString("expired"));
    }

    @Test
    void badInputIsRefusedAndTheLinkStaysUsable() {
        String[] company = companyWithLink("Careful Share Co");
        Browser colleague = new Browser();
        colleague.get("/share/" + company[1]);
        Response bad = colleague.post("/share/" + company[1], Map.of("name", "", "platform", "shopify"));
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().asString().contains("href=\"#name\""));
        assertTrue(bad.body().asString().contains("href=\"#platform\""), "a category the company did not agree to");
        colleague.get("/share/" + company[1]).then().statusCode(200);
        new Browser().get("/share/not-a-real-token").then().statusCode(404);
    }

    @Test
    void anotherCompanyCannotSeeTheLink() {
        String[] company = companyWithLink("Private Link Co");
        Browser other = new Browser();
        other.signUp("Nosy Co");
        other.get(company[2]).then().statusCode(404);
        other.get("/connect/share").then().body(not(containsString("Our accountant")));
    }

    @Test
    void linksNeedConsentFirst() {
        Browser owner = new Browser();
        String email = owner.signUp("No Consent Co");
        Response refused = owner.submit("/connect/share", "/connect/share", Map.of("colleague", "x"));
        assertEquals(409, refused.statusCode());
        assertEquals(
                0, Rows.count("share_link s join app_user u on u.company_id = s.company_id", "u.email = ?1", email));
    }

    /** A colleague names themselves, picks FreeAgent and is sent to the provider; returns where the provider sends back. */
    private static String startAs(Browser colleague, String token, String name) {
        colleague.get("/share/" + token);
        Response start = colleague.post("/share/" + token, Map.of("name", name, "platform", "freeagent"));
        assertEquals(303, start.statusCode(), start.body().asString());
        return RestAssured.given()
                .urlEncodingEnabled(false)
                .redirects()
                .follow(false)
                .get(start.header("Location"))
                .header("Location");
    }

    private static Response backFromProvider(Browser colleague, String callback) {
        return colleague.get(pathAndQuery(callback));
    }
}
