package io.connectionportal.onboarding;

import java.nio.charset.StandardCharsets;

import org.jboss.resteasy.reactive.RestForm;

import io.connectionportal.shared.Company;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.Messages;
import io.connectionportal.shared.Validation;

/** The sign-up form as submitted; {@link #validate} says what is wrong in the user's language. */
public class SignupForm {

    static final int PASSWORD_MIN = 12;
    /** bcrypt ignores everything after 72 bytes, so longer passwords would be silently truncated. */
    static final int PASSWORD_MAX_BYTES = 72;

    @RestForm
    public String email;

    @RestForm
    public String password;

    @RestForm
    public String companyName;

    public String email() {
        return Validation.trim(email);
    }

    public String companyName() {
        return Validation.trim(companyName);
    }

    FormErrors validate(Messages msg, OnboardingMessages onboarding) {
        FormErrors errors = new FormErrors();
        Validation.checkEmail(errors, "email", email(), msg);
        String pw = password == null ? "" : password;
        if (pw.isEmpty()) {
            errors.add("password", onboarding.error_password_required());
        } else if (pw.codePointCount(0, pw.length()) < PASSWORD_MIN) {
            errors.add("password", onboarding.error_password_short(PASSWORD_MIN));
        } else if (pw.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            errors.add("password", onboarding.error_password_long());
        }
        String company = companyName();
        if (company.isEmpty()) {
            errors.add("companyName", onboarding.error_company_required());
        } else if (company.length() > Company.NAME_MAX) {
            errors.add("companyName", onboarding.error_company_too_long(Company.NAME_MAX));
        }
        return errors;
    }
}
