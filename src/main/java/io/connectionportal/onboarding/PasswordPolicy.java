package io.connectionportal.onboarding;

import java.util.Locale;
import java.util.Optional;

import io.connectionportal.shared.FormErrors;

/**
 * What a new password must be, in one place for sign-up, reset and change (ASVS 2.1, NIST SP 800-63B): 12 to 128
 * characters (Unicode code points, so any script counts fairly), no composition rules, and not one of the
 * {@link CommonPasswords}, nor such a password with digits or symbols around it, nor the e-mail address or the
 * product's name, nor a few characters repeated. Every character counts: {@link Passwords} pre-hashes, so bcrypt's
 * 72-byte limit never cuts a long passphrase.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** Fewer different characters than this ("aaaaaaaaaaaa", "abababababab") is a pattern, not a password. */
    static final int MIN_DISTINCT = 5;

    public enum Problem {
        MISSING,
        TOO_SHORT,
        TOO_LONG,
        COMMON,
        PERSONAL
    }

    private PasswordPolicy() {}

    /**
     * The first problem with {@code password} for the account of {@code email} (normalised, or empty before it is
     * known) on a portal named {@code productName}; empty when it is a good password.
     */
    public static Optional<Problem> check(String password, String email, String productName) {
        if (password == null || password.isEmpty()) {
            return Optional.of(Problem.MISSING);
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String letters = letters(password);
        if (personal(letters, lower, email, productName)) {
            return Optional.of(Problem.PERSONAL);
        }
        if (CommonPasswords.contains(lower)
                || CommonPasswords.contains(lower.replaceAll("\\s+", ""))
                || (!letters.isEmpty() && CommonPasswords.contains(letters))
                || lower.codePoints().distinct().count() < MIN_DISTINCT) {
            return Optional.of(Problem.COMMON);
        }
        return Optional.empty();
    }

    /** Adds the problem with {@code password}, if any, as the error of {@code field}, in the user's language. */
    public static void check(
            FormErrors errors,
            String field,
            String password,
            String email,
            String productName,
            OnboardingMessages msg) {
        check(password, email, productName).ifPresent(problem -> errors.add(field, message(problem, productName, msg)));
    }

    static String message(Problem problem, String productName, OnboardingMessages msg) {
        return switch (problem) {
            case MISSING -> msg.error_new_password_required();
            case TOO_SHORT -> msg.error_password_short(MIN_LENGTH);
            case TOO_LONG -> msg.error_password_long(MAX_LENGTH);
            case COMMON -> msg.error_password_common();
            case PERSONAL -> msg.error_password_personal(productName);
        };
    }

    /** The e-mail address, its part before the @, or the product's name, whatever digits or symbols surround them. */
    private static boolean personal(String letters, String lower, String email, String productName) {
        String address = email == null ? "" : email.toLowerCase(Locale.ROOT);
        if (!address.isEmpty() && lower.contains(address)) {
            return true;
        }
        if (letters.isEmpty()) {
            return false;
        }
        int at = address.indexOf('@');
        return letters.equals(letters(address))
                || (at > 0 && letters.equals(letters(address.substring(0, at))))
                || letters.equals(letters(productName == null ? "" : productName));
    }

    /** Only the letters, lower-cased: "Dragon-2024!" and "dragon" are the same guess to an attacker. */
    private static String letters(String value) {
        StringBuilder letters = new StringBuilder();
        value.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetter).forEach(letters::appendCodePoint);
        return letters.toString();
    }
}
