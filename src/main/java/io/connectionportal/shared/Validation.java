package io.connectionportal.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** Input checks shared by the portal's forms. Values are trimmed before they are checked or stored. */
public final class Validation {

    public static final int EMAIL_MAX = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}$");

    private Validation() {}

    public static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    public static boolean isEmail(String value) {
        return value != null
                && value.length() <= EMAIL_MAX
                && EMAIL.matcher(value).matches()
                && !value.contains("..");
    }

    /** Adds the first problem with an e-mail field, if any: missing, too long, or not an address. */
    public static void checkEmail(FormErrors errors, String field, String value, Messages msg) {
        if (value.isEmpty()) {
            errors.add(field, msg.error_email_required());
        } else if (value.length() > EMAIL_MAX) {
            errors.add(field, msg.error_email_too_long());
        } else if (!isEmail(value)) {
            errors.add(field, msg.error_email_format());
        }
    }

    /** Lower-cased so that one mailbox cannot hold two accounts. */
    public static String normaliseEmail(String value) {
        return trim(value).toLowerCase(Locale.ROOT);
    }
}
