package io.connectionportal.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The hints a client gives the sandbox about the account: usable ones are read, bad ones ignored. */
class AuthorizeFormTest {

    @Test
    void theCountryIsTheRegionOfTheFirstLocaleThatHasOne() {
        assertEquals(Optional.of("FR"), country("fr-FR"));
        assertEquals(Optional.of("GB"), country("en en-GB fr-FR"));
        assertEquals(Optional.of("US"), country("  en-US "));
        assertEquals(Optional.empty(), country("fr"));
        assertEquals(Optional.empty(), country("not a locale"));
        assertEquals(Optional.empty(), country(null));
        assertEquals(Optional.empty(), country("fr-FR ".repeat(50)), "too long to be a real list");
    }

    @Test
    void aLoginHintThatCannotNameAnAccountIsIgnored() {
        assertEquals(Optional.of("portal-company-3f2a"), hint(" portal-company-3f2a "));
        assertEquals(Optional.of("someone@example.com"), hint("someone@example.com"));
        assertEquals(Optional.empty(), hint(""));
        assertEquals(Optional.empty(), hint("a b"));
        assertEquals(Optional.empty(), hint("<script>"));
        assertEquals(Optional.empty(), hint("x".repeat(101)));
        assertEquals(Optional.empty(), hint(null));
    }

    private static Optional<String> country(String uiLocales) {
        AuthorizeForm form = new AuthorizeForm();
        form.uiLocales = uiLocales;
        return form.country();
    }

    private static Optional<String> hint(String loginHint) {
        AuthorizeForm form = new AuthorizeForm();
        form.loginHint = loginHint;
        return form.accountHint();
    }
}
