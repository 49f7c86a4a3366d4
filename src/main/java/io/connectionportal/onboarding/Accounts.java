package io.connectionportal.onboarding;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hibernate.exception.ConstraintViolationException;

import io.connectionportal.shared.Company;
import io.connectionportal.shared.User;
import io.connectionportal.shared.Validation;

/** Creates a company with its first user, its owner, in one transaction. */
@ApplicationScoped
class Accounts {

    /** The bcrypt cost of every password hash: about a third of a second. */
    static final int BCRYPT_COST = 12;

    /**
     * Returns the new owner, or empty when the e-mail address already has an account, also when another
     * sign-up with the same address commits first: the unique key then refuses this one.
     */
    Optional<User> register(SignupForm form) {
        String email = Validation.normaliseEmail(form.email);
        // Hashing takes a third of a second: done before the transaction, so it holds no connection meanwhile.
        String passwordHash = BcryptUtil.bcryptHash(form.password, BCRYPT_COST);
        try {
            return QuarkusTransaction.requiringNew().call(() -> create(form, email, passwordHash));
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static Optional<User> create(SignupForm form, String email, String passwordHash) {
        if (User.emailTaken(email)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Company company = new Company();
        company.name = form.companyName();
        company.createdAt = now;
        company.persist();

        User owner = new User();
        owner.email = email;
        owner.passwordHash = passwordHash;
        owner.role = User.OWNER;
        owner.company = company;
        owner.createdAt = now;
        owner.persistAndFlush();
        return Optional.of(owner);
    }
}
