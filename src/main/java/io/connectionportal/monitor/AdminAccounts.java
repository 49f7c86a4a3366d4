package io.connectionportal.monitor;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

import io.connectionportal.shared.PortalConfig;
import io.connectionportal.shared.User;
import io.connectionportal.shared.Validation;

/**
 * The first admins come from configuration ({@code portal.monitor.admin-emails}): their accounts get
 * the {@code admin} role when they sign up, and at start-up if they already exist. Sessions read the
 * role from the database on every request, so it takes effect at once. The role is never taken away
 * here: removing an address from the list leaves the account as it is.
 */
@ApplicationScoped
public class AdminAccounts {

    private final List<String> emails;

    AdminAccounts(PortalConfig config) {
        this.emails = config.monitor().adminEmails().orElse(List.of()).stream()
                .map(Validation::normaliseEmail)
                .filter(e -> !e.isEmpty())
                .toList();
    }

    void onStart(@Observes StartupEvent start) {
        int promoted = promoteConfigured();
        if (promoted > 0) {
            Log.infof("%d configured account(s) given the admin role", promoted);
        }
    }

    /** Gives the admin role to every existing account whose e-mail is configured; returns how many changed. */
    @Transactional
    int promoteConfigured() {
        if (emails.isEmpty()) {
            return 0;
        }
        return User.update("role = ?1 where email in ?2 and role <> ?1", User.ADMIN, emails);
    }

    /** Called at sign-up: the account becomes an admin if its e-mail is configured. */
    @Transactional
    public void promoteIfConfigured(long userId) {
        User user = User.findById(userId);
        if (user != null && emails.contains(user.email) && !User.ADMIN.equals(user.role)) {
            user.role = User.ADMIN;
            Log.infof("Account %d given the admin role from portal.monitor.admin-emails", userId);
        }
    }
}
