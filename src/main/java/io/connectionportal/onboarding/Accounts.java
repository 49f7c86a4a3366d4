package io.connectionportal.onboarding;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hibernate.exception.ConstraintViolationException;

import io.connectionportal.mail.MailOutbox;
import io.connectionportal.mail.OutgoingMail;
import io.connectionportal.shared.Company;
import io.connectionportal.shared.CompanyCreated;
import io.connectionportal.shared.Language;
import io.connectionportal.shared.TimeZones;
import io.connectionportal.shared.User;
import io.connectionportal.shared.Validation;

/** Creates a company with its first user, its owner, and queues the greeting e-mail, in one transaction. */
@ApplicationScoped
class Accounts {

    private final Passwords passwords;
    private final MailOutbox outbox;

    private final Event<CompanyCreated> created;

    Accounts(Passwords passwords, MailOutbox outbox, Event<CompanyCreated> created) {
        this.created = created;
        this.passwords = passwords;
        this.outbox = outbox;
    }

    /**
     * Returns the new owner, or empty when the e-mail address already has an account, also when another
     * sign-up with the same address commits first: the unique key then refuses this one.
     */
    Optional<User> register(SignupForm form, Language language, OutgoingMail greeting) {
        String email = Validation.normaliseEmail(form.email);
        // Hashing takes a third of a second: done before the transaction, so it holds no connection meanwhile.
        Passwords.Hashed password = passwords.hash(form.password);
        try {
            return QuarkusTransaction.requiringNew().call(() -> create(form, language, email, password, greeting));
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

    private Optional<User> create(
            SignupForm form, Language language, String email, Passwords.Hashed password, OutgoingMail greeting) {
        if (User.emailTaken(email)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        Company company = new Company();
        company.name = form.companyName();
        company.createdAt = now;
        // Sign-up asks no country: the language the owner signed up in is the best guess until the company page.
        company.timeZone = TimeZones.guess(language, null).getId();
        company.persist();

        User owner = new User();
        owner.email = email;
        owner.passwordHash = password.hash();
        owner.passwordScheme = password.scheme();
        owner.role = User.OWNER;
        owner.company = company;
        owner.createdAt = now;
        owner.language = language.tag();
        owner.persistAndFlush();
        outbox.enqueue(greeting);
        created.fire(new CompanyCreated(company.id));
        return Optional.of(owner);
    }
}
