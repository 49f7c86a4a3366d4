package io.connectionportal.onboarding;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.LaunchMode;

import io.connectionportal.shared.PortalConfig;
import io.connectionportal.shared.User;

/**
 * How passwords become hashes. bcrypt reads at most 72 bytes, and 128 characters of a non-Latin script are up to
 * 512, so a password is pre-hashed first: bcrypt (cost 12 by default) over the base64 of an HMAC-SHA256 of its UTF-8 bytes
 * (44 ASCII characters, no NUL), keyed with a fixed label so a leaked plain SHA-256 list cannot be tried against
 * these hashes as it is. Every character counts, and the work stays bcrypt's. Accounts made before this are
 * plain bcrypt ({@value #PLAIN}), from passwords sign-up refused above 72 bytes: they still sign in as they are,
 * and move to {@value #PREHASHED} at their next change or reset.
 */
@ApplicationScoped
public class Passwords {

    /** Below this, an offline guess is cheap: only the tests may go lower. */
    private static final int LEAST_COST = 10;

    static final String PLAIN = "bcrypt";
    static final String PREHASHED = "bcrypt-sha256";

    private static final byte[] PREHASH_KEY =
            "connection-portal password pre-hash v1".getBytes(StandardCharsets.US_ASCII);

    private final int cost;

    Passwords(PortalConfig portal) {
        this.cost = portal.signIn().passwordHashCost();
        if ((cost < LEAST_COST && LaunchMode.current() != LaunchMode.TEST) || cost < 4 || cost > 31) {
            throw new IllegalStateException(
                    "portal.sign-in.password-hash-cost is " + cost + ": use " + LEAST_COST + " to 31 (12 by default)");
        }
    }

    /** The bcrypt cost new hashes are made with ({@code portal.sign-in.password-hash-cost}). */
    int cost() {
        return cost;
    }

    /** A new password's hash and how it was made; never the password. */
    public record Hashed(String hash, String scheme) {}

    /** Slow on purpose (bcrypt): call it before opening a transaction, so none is held meanwhile. */
    public Hashed hash(String password) {
        return new Hashed(BcryptUtil.bcryptHash(prehash(password), cost), PREHASHED);
    }

    /**
     * Gives the account its new password, in the caller's transaction, and makes its reset links that are still
     * unused worthless: a link asked for earlier must not undo a password chosen since.
     */
    @Transactional
    public void replace(long userId, Hashed hashed) {
        User.update("passwordHash = ?1, passwordScheme = ?2 where id = ?3", hashed.hash(), hashed.scheme(), userId);
        PasswordReset.update("usedAt = ?1 where userId = ?2 and usedAt is null", Instant.now(), userId);
    }

    /** What bcrypt is given for {@code password} under the account's {@code scheme}. */
    static String credential(String scheme, String password) {
        return PLAIN.equals(scheme) ? password : prehash(password);
    }

    static String prehash(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(PREHASH_KEY, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }
}
