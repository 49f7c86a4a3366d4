package io.connectionportal.sandbox;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Finds the account a sign-in is for, opening it the first time. An account keeps the country it was opened in:
 * like a real provider's organisation, it does not move when a later request hints at another.
 */
@ApplicationScoped
class SandboxAccounts {

    private final SandboxClock clock;

    SandboxAccounts(SandboxClock clock) {
        this.clock = clock;
    }

    /** The id of the account of {@code subject}; {@code country} is used only when it is opened now. */
    long open(String subject, Optional<String> country) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> findOrOpen(subject, country));
        } catch (RuntimeException raced) {
            // Two first sign-ins at once: the other one opened it, and the unique subject kept this one out.
            return QuarkusTransaction.requiringNew().call(() -> find(subject).orElseThrow(() -> raced));
        }
    }

    /** The account of {@code subject} as it is, or as it would open now: what the consent page shows. */
    SandboxAccount.Facts preview(String subject, Optional<String> country) {
        return SandboxAccount.<SandboxAccount>find("subject", subject)
                .firstResultOptional()
                .map(SandboxAccount::facts)
                .orElseGet(() -> new SandboxAccount.Facts(subject, country, clock.now()));
    }

    private long findOrOpen(String subject, Optional<String> country) {
        return find(subject).orElseGet(() -> {
            SandboxAccount account = new SandboxAccount();
            account.subject = subject;
            account.country = country.orElse(null);
            account.openedAt = clock.now();
            account.persistAndFlush();
            return account.id;
        });
    }

    private static Optional<Long> find(String subject) {
        return SandboxAccount.<SandboxAccount>find("subject", subject)
                .firstResultOptional()
                .map(account -> account.id);
    }
}
