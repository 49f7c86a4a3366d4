package io.connectionportal.onboarding;

import org.jboss.resteasy.reactive.RestForm;

import io.connectionportal.shared.Company;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.Messages;
import io.connectionportal.shared.Validation;

/** The sign-up form as submitted; {@link #validate} says what is wrong in the user's language. */
public class SignupForm {

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

    FormErrors validate(Messages msg, OnboardingMessages onboarding, String productName) {
        FormErrors errors = new FormErrors();
        Validation.checkEmail(errors, "email", email(), msg);
        PasswordPolicy.check(errors, "password", password, Validation.normaliseEmail(email), productName, onboarding);
        String company = companyName();
        if (company.isEmpty()) {
            errors.add("companyName", onboarding.error_company_required());
        } else if (company.length() > Company.NAME_MAX) {
            errors.add("companyName", onboarding.error_company_too_long(Company.NAME_MAX));
        }
        return errors;
    }
}
