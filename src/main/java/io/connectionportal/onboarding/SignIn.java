package io.connectionportal.onboarding;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;

import io.connectionportal.shared.RandomTokens;
import io.connectionportal.shared.SecurityLog;
import io.connectionportal.shared.User;

/**
 * Checks an e-mail address and password, throttled by {@link SignInThrottle}: while the account or the
 * address is locked no password is checked at all. An unknown address costs a bcrypt check as well,
 * against a hash nobody knows the password of, so neither the answer nor its time tells whether an
 * account exists. Passwords are checked as {@link Passwords} made their hash: pre-hashed, or as they are for older
 * accounts.
 */
@ApplicationScoped
public class SignIn {

    public sealed interface Outcome {}

    public record SignedIn(User user) implements Outcome {}

    public record WrongCredentials() implements Outcome {}

    /** Too many failures: try again after {@code retryAfter}. */
    public record Locked(Duration retryAfter) implements Outcome {}

    private final IdentityProviderManager identities;
    private final SignInThrottle throttle;
    private final SecurityLog securityLog;
    private final String dummyHash;

    SignIn(IdentityProviderManager identities, SignInThrottle throttle, SecurityLog securityLog, Passwords passwords) {
        this.identities = identities;
        this.throttle = throttle;
        this.securityLog = securityLog;
        this.dummyHash = BcryptUtil.bcryptHash(Passwords.prehash(RandomTokens.next()), passwords.cost());
    }

    /** {@code email} is already normalised; {@code address} is the client's. */
    Outcome attempt(String email, String password, String address) {
        return attempt(SecurityLog.Event.SIGN_IN, email, password, address);
    }

    /**
     * The signed-in user's password asked again before a sensitive action (ASVS 3.7.1), counted against the
     * same limits as sign-in, so the confirmation page cannot be used to guess it either.
     */
    public Outcome confirm(long userId, String password, String address) {
        User user = User.findById(userId);
        if (user.email == null || user.passwordHash == null) {
            // A business that came through a hosted link has no password to confirm until it sets one.
            securityLog.record(SecurityLog.Event.REAUTHENTICATION, SecurityLog.Outcome.REFUSED, userId, null);
            return new WrongCredentials();
        }
        return attempt(SecurityLog.Event.REAUTHENTICATION, user.email, password, address);
    }

    private Outcome attempt(SecurityLog.Event event, String email, String password, String address) {
        Instant now = Instant.now();
        var lock = throttle.take(email, address, now);
        if (lock.isPresent()) {
            securityLog.record(event, SecurityLog.Outcome.LOCKED, null, null);
            return new Locked(Duration.between(now, lock.get()));
        }
        User user = check(email, password);
        if (user == null) {
            throttle.failed(email, address, Instant.now());
            securityLog.record(event, SecurityLog.Outcome.REFUSED, null, null);
            return new WrongCredentials();
        }
        throttle.succeeded(email, address);
        securityLog.record(event, SecurityLog.Outcome.ALLOWED, user.id, null);
        return new SignedIn(user);
    }

    private User check(String email, String password) {
        User user = User.find("email", email).firstResult();
        if (user == null) {
            BcryptUtil.matches(Passwords.prehash(password), dummyHash);
            return null;
        }
        // bcrypt is given what the account's hash was made from: the password itself (older accounts) or its pre-hash.
        String credential = Passwords.credential(user.passwordScheme, password);
        try {
            identities.authenticateBlocking(
                    new UsernamePasswordAuthenticationRequest(email, new PasswordCredential(credential.toCharArray())));
            return user;
        } catch (AuthenticationFailedException wrongPassword) {
            return null;
        }
    }
}
