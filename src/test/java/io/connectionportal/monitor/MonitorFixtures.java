package io.connectionportal.monitor;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;

import io.restassured.response.Response;

import io.connectionportal.testing.Browser;

/** Reads whole rows for the monitor's tests, and signs in the admins configured for the test profile. */
@ApplicationScoped
public class MonitorFixtures {

    /** Admins from {@code %test.portal.monitor.admin-emails}: one for the HTTP tests, one for the browser test. */
    static final String ADMIN = "monitor-admin@example.com";

    static final String BROWSER_ADMIN = "monitor-browser@example.com";

    private final EntityManager entityManager;

    MonitorFixtures(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @ActivateRequestContext
    @SuppressWarnings("unchecked")
    public List<Object[]> rows(String sql, Object... params) {
        var query = entityManager.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        List<?> result = query.getResultList();
        return result.stream()
                .map(r -> r instanceof Object[] a ? a : new Object[] {r})
                .toList();
    }

    /** A browser signed in as {@code email}: signs up the first time, logs in afterwards. */
    static Browser signedIn(String email) {
        return signedIn(email, "en");
    }

    /** The same, for a browser that asks for pages in {@code language}. */
    static Browser signedIn(String email, String language) {
        Browser browser = new Browser(language);
        Response signUp = browser.submit(
                "/signup",
                "/signup",
                Map.of("email", email, "password", Browser.PASSWORD, "companyName", "Monitor Operations"));
        if (signUp.statusCode() == 303) {
            return browser;
        }
        Response login = browser.submit("/login", "/login", Map.of("email", email, "password", Browser.PASSWORD));
        if (login.statusCode() != 303) {
            throw new AssertionError("Could not sign in " + email + ": " + login.statusCode());
        }
        return browser;
    }
}
