package io.connectionportal.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.NewCookie;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Opens, finds and closes server-side sessions, and makes the cookie that carries them. A session ends at the
 * first of its absolute lifetime and its idle timeout; its use is written at most once a minute, so a page view
 * rarely costs a write.
 */
@ApplicationScoped
public class SessionStore {

    /** ASVS 3.3.2: whatever is configured, no session outlives this. */
    static final Duration LONGEST_LIFETIME = Duration.ofHours(12);

    /** How stale the recorded last use may grow before a request writes it again. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final PortalConfig config;
    private final Cookies cookies;

    SessionStore(PortalConfig config, Cookies cookies) {
        this.config = config;
        this.cookies = cookies;
    }

    /**
     * What a session tells about who is signed in; {@code reauthenticatedAt} is null until the password is asked again.
     * The company's time zone and country ride along (read with the company row the session already joins), so no
     * page reads them.
     */
    public record SignedIn(
            long userId,
            String email,
            String role,
            long companyId,
            String companyName,
            String companyTimeZone,
            String companyCountry,
            Instant reauthenticatedAt) {}

    void refuseTooLongSessions(@Observes StartupEvent started) {
        checkMaxAge(config.session().maxAge());
    }

    static void checkMaxAge(Duration maxAge) {
        if (maxAge.compareTo(LONGEST_LIFETIME) > 0) {
            throw new IllegalStateException("portal.session.max-age (PORTAL_SESSION_MAX_AGE) is " + maxAge
                    + "; sessions may last at most 12 hours (ASVS 3.3.2)");
        }
    }

    /** Starts a fresh session (never reusing one from before sign-in) and returns the cookie value. */
    @Transactional
    public String open(long userId) {
        Instant now = Instant.now();
        String token = RandomTokens.next();
        UserSession session = new UserSession();
        session.tokenHash = Hashes.sha256Hex(token);
        session.user = User.findById(userId);
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(config.session().maxAge());
        session.persist();
        return token;
    }

    /** Expired and idle sessions no longer sign anyone in ({@link #find} checks the times); this removes their rows. */
    @FinishesBeforeStop
    @Scheduled(
            identity = "expired-sessions",
            every = "${portal.retention.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void purgeExpired() {
        Instant now = Instant.now();
        UserSession.delete(
                "expiresAt < ?1 or lastSeenAt < ?2",
                now,
                now.minus(config.session().idleTimeout()));
    }

    /** The session of this cookie value, if it is neither expired nor idle for too long; records its use. */
    @ActivateRequestContext
    public Optional<SignedIn> find(String token) {
        Instant now = Instant.now();
        // Columns, not entities: every signed-in request runs this, and nothing it reads is changed here.
        Optional<Found> found = UserSession.getEntityManager()
                .createQuery("""
                        select s.id, s.lastSeenAt, u.id, u.email, u.role, c.id, c.name, c.timeZone, c.country,
                        s.reauthenticatedAt
                        from UserSession s join s.user u join u.company c
                        where s.tokenHash = :hash and s.expiresAt > :now and s.lastSeenAt > :idleSince""", Found.class)
                .setParameter("hash", Hashes.sha256Hex(token))
                .setParameter("now", now)
                .setParameter("idleSince", now.minus(config.session().idleTimeout()))
                .getResultList()
                .stream()
                .findFirst();
        found.filter(s -> s.lastSeenAt().isBefore(now.minus(TOUCH_EVERY))).ifPresent(s -> touch(s.sessionId(), now));
        return found.map(s -> new SignedIn(
                s.userId(),
                s.email() == null ? User.HOSTED_LINK_ACTOR : s.email(),
                s.role(),
                s.companyId(),
                s.companyName(),
                s.companyTimeZone(),
                s.companyCountry(),
                s.reauthenticatedAt()));
    }

    private record Found(
            long sessionId,
            Instant lastSeenAt,
            long userId,
            String email,
            String role,
            long companyId,
            String companyName,
            String companyTimeZone,
            String companyCountry,
            Instant reauthenticatedAt) {}

    private static void touch(long sessionId, Instant now) {
        // Guarded by the old value, so of two instances serving the same minute only one writes.
        QuarkusTransaction.requiringNew()
                .run(() -> UserSession.update(
                        "lastSeenAt = ?1 where id = ?2 and lastSeenAt < ?3", now, sessionId, now.minus(TOUCH_EVERY)));
    }

    /** The password was just asked again in this session: sensitive actions are allowed for a while. */
    @Transactional
    public void markReauthenticated(String token) {
        UserSession.update("reauthenticatedAt = ?1 where tokenHash = ?2", Instant.now(), Hashes.sha256Hex(token));
    }

    @Transactional
    public void close(String token) {
        UserSession.delete("tokenHash", Hashes.sha256Hex(token));
    }

    /** Ends every session of the account, this one included ("sign out everywhere", a password reset). */
    @Transactional
    public long closeAll(long userId) {
        return UserSession.delete("user.id", userId);
    }

    /** Ends every other session of the account (a password change keeps the browser that made it signed in). */
    @Transactional
    public long closeOthers(long userId, String keptToken) {
        return UserSession.delete("user.id = ?1 and tokenHash <> ?2", userId, Hashes.sha256Hex(keptToken));
    }

    /** How many live sessions the account has, for its account page. */
    public long countOpen(long userId) {
        Instant now = Instant.now();
        return UserSession.count(
                "user.id = ?1 and expiresAt > ?2 and lastSeenAt > ?3",
                userId,
                now,
                now.minus(config.session().idleTimeout()));
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
