package io.connectionportal.shared;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;

@QuarkusTest
class LanguageTest {

    @Test
    void frenchIsServedUnderAcceptLanguageFr() {
        Browser browser = new Browser("fr-FR,fr;q=0.9,en;q=0.5");
        browser.get("/")
                .then()
                .statusCode(200)
                .header("Content-Language", "fr")
                .body(containsString("<html lang=\"fr\">"))
                .body(containsString("Une décision de financement en quelques minutes"))
                .body(containsString("Aller au contenu principal"));
        browser.get("/privacy")
                .then()
                .body(containsString(">Comptabilité</caption>"))
                .body(containsString("<td>Lecture</td>"));
        // The FAQ names the button the dashboard has, in the words of the French pages: a platform is dissociée.
        browser.get("/faq")
                .then()
                .body(containsString("Qui peut voir mes données\u00a0?"))
                .body(containsString("Comment dissocier une plateforme\u00a0?"))
                .body(containsString("«\u00a0Dissocier\u00a0»"))
                .body(not(containsString("déconnecter")));
    }

    @Test
    void frenchFormErrorsAndSignedInPages() {
        Browser browser = new Browser("fr");
        Response rejected =
                browser.submit("/signup", "/signup", Map.of("email", "", "password", "x", "companyName", ""));
        assertEquals(400, rejected.statusCode());
        rejected.then()
                .body(containsString("Il y a un problème"))
                .body(containsString("Saisissez votre adresse e-mail"))
                .body(containsString("<title>Erreur\u00a0:"));

        browser.signUp("Fromagerie Dupont");
        browser.get("/connect")
                .then()
                .body(containsString("Solidité de votre dossier"))
                .body(containsString("Se déconnecter"));
    }

    @Test
    void markupRenderedOncePerLanguageStaysInItsLanguage() {
        // The footer, the visitor's header and the landing are {#cached}: each language, each current item and each
        // kind of visitor gets its own copy, whichever was asked for first.
        Browser english = new Browser("en");
        Browser french = new Browser("fr");
        for (int round = 0; round < 2; round++) {
            english.get("/")
                    .then()
                    .body(containsString("How it works"))
                    .body(containsString("Need help?"))
                    .body(not(containsString("Comment ça marche")));
            french.get("/")
                    .then()
                    .body(containsString("Comment ça marche"))
                    .body(containsString("Besoin d’aide ?"))
                    .body(not(containsString("Need help?")));
        }
        english.get("/faq").then().body(containsString("<a href=\"/faq\" aria-current=\"page\">"));
        english.get("/login")
                .then()
                .body(containsString("<a href=\"/login\" aria-current=\"page\">"))
                .body(not(containsString("<a href=\"/faq\" aria-current=\"page\">")));

        english.signUp("Cached Copy Ltd");
        english.get("/").then().body(containsString("href=\"/connect\">Continue connecting"));
        new Browser("en").get("/").then().body(containsString("href=\"/signup\">Connect your business"));
    }

    @Test
    void theSupportHoursAreInTheReadersLanguage() {
        // portal.support.hours, with portal.copy.fr.support-hours for French readers (application.properties).
        new Browser("fr")
                .get("/")
                .then()
                .body(containsString("(du lundi au vendredi de 9 h à 18 h CET)"))
                .body(not(containsString("Mon-Fri")));
        new Browser("en")
                .get("/")
                .then()
                .body(containsString("(Mon-Fri 9:00-18:00 CET)"))
                .body(not(containsString("du lundi")));
    }

    @Test
    void theFirstSupportedLanguageWinsAndOthersFallBackToEnglish() {
        new Browser("de-DE,fr;q=0.8,en;q=0.5").get("/").then().body(containsString("<html lang=\"fr\">"));
        new Browser("de-DE,es;q=0.8").get("/").then().body(containsString("<html lang=\"en\">"));
        new Browser("not a ;; valid header").get("/").then().statusCode(200).body(containsString("<html lang=\"en\">"));
    }

    @Test
    void theSwitcherRemembersTheChoiceOverTheBrowserLanguage() {
        Browser browser = new Browser("en");
        browser.get("/faq");
        Response switched = browser.post("/language", Map.of("lang", "fr", "next", "/faq"));
        assertEquals(303, switched.statusCode());
        assertEquals("/faq", URI.create(switched.header("Location")).getPath());

        browser.get("/faq").then().body(containsString("<html lang=\"fr\">"));
        browser.get("/").then().body(containsString("Relier mes plateformes"));

        browser.get("/");
        browser.post("/language", Map.of("lang", "en", "next", "https://evil.example/"))
                .then()
                .header("Location", not(containsString("evil")));
        browser.get("/").then().body(containsString("<html lang=\"en\">"));
    }

    @Test
    void copyFromConfigurationReplacesTheDefaultInItsLanguageOnly() {
        // application.properties sets portal.copy.fr.testimonial-author for the test profile.
        new Browser("fr").get("/").then().body(containsString("Camille Martin, gérante (texte configuré)"));
        new Browser("en").get("/").then().body(containsString("Camille Martin, owner of Atelier Martin, Lyon"));
    }

    @Test
    void brandColoursAreServedAsAStyleSheet() {
        new Browser()
                .get("/theme.css")
                .then()
                .statusCode(200)
                .contentType(containsString("text/css"))
                .body(containsString("--brand:#1d4ed8"))
                .body(containsString("--on-brand:#ffffff"))
                .body(containsString("--brand-text:#1d4ed8"));
    }
}
