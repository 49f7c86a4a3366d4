package io.connectionportal.onboarding;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.connectionportal.shared.Company;
import io.connectionportal.shared.User;
import io.connectionportal.shared.Validation;
import io.quarkus.elytron.security.common.BcryptUtil;

/** Creates a company with its first user, its owner, in one transaction. */
@ApplicationScoped
class Accounts {

    /** Returns the new owner, or empty when the e-mail address already has an account. */
    @Transactional
    Optional<User> register(SignupForm form) {
        String email = Validation.normaliseEmail(form.email);
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
        owner.passwordHash = BcryptUtil.bcryptHash(form.password, 12);
        owner.role = User.OWNER;
        owner.company = company;
        owner.createdAt = now;
        owner.persist();
        return Optional.of(owner);
    }
}
