package io.connectionportal.shared;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.NewCookie;

import io.quarkus.scheduler.Scheduled;

/** Opens, finds and closes server-side sessions, and makes the cookie that carries them. */
@ApplicationScoped
public class SessionStore {

    private final PortalConfig config;
    private final Cookies cookies;

    SessionStore(PortalConfig config, Cookies cookies) {
        this.config = config;
        this.cookies = cookies;
    }

    /** What a session tells about who is signed in. */
    public record SignedIn(long userId, String email, String role, long companyId, String companyName) {}

    /** Starts a fresh session (never reusing one from before sign-in) and returns the cookie value. */
    @Transactional
    public String open(long userId) {
        Instant now = Instant.now();
        String token = RandomTokens.next();
        UserSession session = new UserSession();
        session.tokenHash = Hashes.sha256Hex(token);
        session.user = User.findById(userId);
        session.createdAt = now;
        session.expiresAt = now.plus(config.session().maxAge());
        session.persist();
        return token;
    }

    /** Expired sessions no longer sign anyone in ({@link #find} checks the time); this removes their rows. */
    @Scheduled(
            identity = "expired-sessions",
            every = "${portal.retention.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void purgeExpired() {
        UserSession.delete("expiresAt < ?1", Instant.now());
    }

    @ActivateRequestContext
    public Optional<SignedIn> find(String token) {
        return UserSession.<UserSession>find(
                        "from UserSession s join fetch s.user u join fetch u.company where s.tokenHash = ?1 and s.expiresAt > ?2",
                        Hashes.sha256Hex(token),
                        Instant.now())
                .firstResultOptional()
                .map(s -> new SignedIn(s.user.id, s.user.email, s.user.role, s.user.company.id, s.user.company.name));
    }

    @Transactional
    public void close(String token) {
        UserSession.delete("tokenHash", Hashes.sha256Hex(token));
    }

    public NewCookie cookie(String token) {
        return cookies.of(config.session().cookieName(), token, config.session().maxAge());
    }

    public NewCookie expiredCookie() {
        return cookies.expired(config.session().cookieName());
    }

    public String cookieName() {
        return config.session().cookieName();
    }
}
