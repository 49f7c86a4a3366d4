package io.connectionportal.onboarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;

/** bcrypt's 72-byte limit never cuts a password: every character of a long passphrase counts at sign-in. */
@QuarkusTest
class PasswordHashingTest {

    /** 100 characters, 199 bytes in UTF-8: everything after the 72nd byte would be ignored by bare bcrypt. */
    private static final String PASSPHRASE =
            "Le vieux phare éclaire la côte sauvage où les mouettes crient au-dessus des vagues écumantes. Ώρα!";

    @Test
    void aPasswordDifferingOnlyAfterItsSeventySecondByteDoesNotSignIn() {
        assertTrue(PASSPHRASE.getBytes(StandardCharsets.UTF_8).length > 72);
        String email = Browser.uniqueEmail();
        new Browser()
                .submit("/signup", "/signup", Map.of("email", email, "password", PASSPHRASE, "companyName", "Phare Co"))
                .then()
                .statusCode(303);
        assertEquals("bcrypt-sha256", Rows.single("select password_scheme from app_user where email = ?1", email));

        String sameFirstBytes = PASSPHRASE.substring(0, PASSPHRASE.length() - 1) + "?";
        assertEquals(401, signIn(email, sameFirstBytes).statusCode());
        assertEquals(303, signIn(email, PASSPHRASE).statusCode());
    }

    @Test
    void accountsHashedBeforePreHashingStillSignInWithTheirPassword() {
        String email = new Browser().signUp("Older Account Co");
        // As accounts were stored before this change: plain bcrypt of the password itself.
        Rows.execute(
                "update app_user set password_hash = ?1, password_scheme = 'bcrypt' where email = ?2",
                BcryptUtil.bcryptHash(Browser.PASSWORD, 10),
                email);

        assertEquals(401, signIn(email, Browser.PASSWORD + "!").statusCode());
        assertEquals(303, signIn(email, Browser.PASSWORD).statusCode());
    }

    private static Response signIn(String email, String password) {
        return PasswordResetTest.browserAt(PasswordResetTest.someAddress())
                .submit("/login", "/login", Map.of("email", email, "password", password));
    }
}
