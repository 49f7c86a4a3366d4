package io.connectionportal.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.connectionportal.onboarding.PasswordPolicy.Problem;

/** The one password rule of sign-up, reset and change, without a server: length, common passwords, personal ones. */
class PasswordPolicyTest {

    private static final String EMAIL = "camille.martin@atelier-martin.fr";

    private static Optional<Problem> check(String password) {
        return PasswordPolicy.check(password, EMAIL, "Lendwell");
    }

    @Test
    void twelveToOneHundredTwentyEightCharactersCountedAsCharactersNotBytes() {
        assertEquals(Optional.of(Problem.MISSING), check(""));
        assertEquals(Optional.of(Problem.MISSING), check(null));
        assertEquals(Optional.of(Problem.TOO_SHORT), check("violet tram"), "11 characters");
        assertEquals(Optional.empty(), check("violet trams"), "12 characters");
        String longest = ("quiet harbour lamps ".repeat(7)).substring(0, 128);
        assertEquals(Optional.empty(), check(longest), "128 characters");
        assertEquals(Optional.of(Problem.TOO_LONG), check("quiet harbour lamps ".repeat(7)), "140 characters");
        // Eleven CJK characters are 33 bytes but still too short; twelve emoji are 48 bytes and long enough.
        assertEquals(Optional.of(Problem.TOO_SHORT), check("静かな港の灯りが見える"));
        assertEquals(Optional.empty(), check("🐢🚲🌋🎻🧀🦉🪁🍋🛶🎲🧭🌵"));
    }

    @Test
    void noCompositionRules() {
        assertEquals(Optional.empty(), check("all lower case words only"));
        assertEquals(Optional.empty(), check("948372615094263"));
        assertEquals(Optional.empty(), check("ÉTÉ À LA MONTAGNE"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "123456789012",
                "qwertyuiop1234",
                "PASSWORD123456",
                "password-2024!",
                "Dragon!!2024!!",
                "ILoveYou!!!!",
                "i love you 123",
                "aaaaaaaaaaaaaaaa",
                "abababababababab",
                "1212121212121212"
            })
    void commonPasswordsAndThemWithDigitsOrSymbolsAroundAreRefusedWhateverTheirCase(String password) {
        assertEquals(Optional.of(Problem.COMMON), check(password), password);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "camille.martin@atelier-martin.fr",
                "my camille.martin@atelier-martin.fr",
                "Camille.Martin2024!",
                "LENDWELL-2024-2025"
            })
    void theAccountsAddressOrTheProductsNameIsRefused(String password) {
        assertEquals(Optional.of(Problem.PERSONAL), check(password), password);
    }

    @Test
    void aPassphraseMentioningTheProductIsFine() {
        assertEquals(Optional.empty(), check("lendwell funds my bakery ovens"));
    }

    @Test
    void theShippedListIsLoadedAndSizeable() {
        assertTrue(CommonPasswords.size() > 40_000, "size " + CommonPasswords.size());
        assertTrue(CommonPasswords.contains("password"));
        assertTrue(CommonPasswords.contains("trustno1"));
    }

    @Test
    void aLongNonAsciiPassphraseIsAcceptedAndItsPreHashUsesEveryByte() {
        String passphrase =
                "Ἐν ἀρχῇ ἦν ὁ λόγος, καὶ ὁ λόγος ἦν πρὸς τὸν θεόν ".repeat(3).substring(0, 128);
        assertEquals(128, passphrase.codePointCount(0, passphrase.length()));
        assertTrue(passphrase.getBytes(StandardCharsets.UTF_8).length > 200, "far beyond bcrypt's 72 bytes");
        assertEquals(Optional.empty(), check(passphrase));

        String differentAtTheEnd = passphrase.substring(0, 127) + "!";
        assertTrue(!Passwords.prehash(passphrase).equals(Passwords.prehash(differentAtTheEnd)));
        assertTrue(Passwords.prehash(passphrase).length() <= 72, "what bcrypt reads fits in 72 bytes");
    }
}
