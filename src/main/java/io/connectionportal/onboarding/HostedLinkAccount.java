package io.connectionportal.onboarding;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.monitor.AdminAccounts;
import io.connectionportal.shared.Branding;
import io.connectionportal.shared.CurrentLanguage;
import io.connectionportal.shared.FormErrors;
import io.connectionportal.shared.Messages;
import io.connectionportal.shared.User;
import io.connectionportal.shared.Validation;

/**
 * A business that came through a hosted link keeps an account: the e-mail and password it chooses at the end become
 * those of the user the link made, so it signs in later to the dashboard of the connections it just made.
 */
@ApplicationScoped
public class HostedLinkAccount {

    /** The e-mail as entered (to show it again) and the form's errors; no errors means the account is kept. */
    public record Result(String email, FormErrors errors) {}

    private final Passwords passwords;
    private final CurrentLanguage language;
    private final Branding branding;
    private final AdminAccounts admins;

    HostedLinkAccount(Passwords passwords, CurrentLanguage language, Branding branding, AdminAccounts admins) {
        this.passwords = passwords;
        this.language = language;
        this.branding = branding;
        this.admins = admins;
    }

    public Result keep(long userId, String email, String password) {
        String entered = Validation.trim(email);
        String normalised = Validation.normaliseEmail(entered);
        OnboardingMessages msg = language.bundle(OnboardingMessages.class);
        FormErrors errors = new FormErrors();
        Validation.checkEmail(errors, "email", entered, language.bundle(Messages.class));
        PasswordPolicy.check(errors, "password", password, normalised, branding.productName(), msg);
        if (errors.any()) {
            return new Result(entered, errors);
        }
        // bcrypt before the transaction, so none is held for a third of a second.
        Passwords.Hashed hashed = passwords.hash(password);
        boolean kept;
        try {
            kept = QuarkusTransaction.requiringNew().call(() -> {
                if (User.emailTaken(normalised)) {
                    return false;
                }
                return User.update(
                                "email = ?1, passwordHash = ?2, passwordScheme = ?3 where id = ?4 and email is null",
                                normalised,
                                hashed.hash(),
                                hashed.scheme(),
                                userId)
                        == 1;
            });
        } catch (RuntimeException sameAddressAtOnce) {
            // the unique index let another account have this address first
            kept = false;
        }
        if (!kept) {
            return new Result(entered, new FormErrors().add("email", msg.error_email_taken()));
        }
        admins.promoteIfConfigured(userId);
        return new Result(entered, FormErrors.none());
    }
}
