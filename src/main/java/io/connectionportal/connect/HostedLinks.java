package io.connectionportal.connect;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.platforms.Category;
import io.connectionportal.shared.Company;
import io.connectionportal.shared.Hashes;
import io.connectionportal.shared.PortalConfig;
import io.connectionportal.shared.RandomTokens;
import io.connectionportal.shared.SessionStore;
import io.connectionportal.shared.User;

/**
 * Hosted links (I2, I3): made by the API, opened once by the business, ended once with an outcome that goes back to
 * the integrator signed. The token is only ever in the link itself: stored as its SHA-256, like a session's.
 */
@ApplicationScoped
public class HostedLinks {

    public static final String LINKED = "linked";
    public static final String CANCELLED = "cancelled";
    public static final String ERROR = "error";
    static final String LINK_EXPIRED = "link_expired";
    static final String LINK_USED = "link_used";

    /** A new link: its URL, holding the token, is given to the integrator once. */
    public record Created(long id, String url, Instant expiresAt) {}

    /** What a request for a new link asks for; {@code categories} empty means every kind of data. */
    public record Request(
            long companyId,
            String redirectUrl,
            Set<Category> categories,
            Optional<String> platformKey,
            Duration lifetime,
            String createdBy) {}

    /** What opening a link gave: a session for the business, or why not. */
    sealed interface Opening {}

    record Opened(HostedLink link, String sessionToken) implements Opening {}

    record Gone(HostedLink link, String errorCode) implements Opening {}

    record Unknown() implements Opening {}

    private final PortalConfig config;
    private final SessionStore sessions;
    private final RedirectSignature signature;

    HostedLinks(PortalConfig config, SessionStore sessions, RedirectSignature signature) {
        this.config = config;
        this.sessions = sessions;
        this.signature = signature;
    }

    public Created create(Request request) {
        String token = RandomTokens.next();
        HostedLink link = QuarkusTransaction.requiringNew().call(() -> {
            HostedLink row = new HostedLink();
            row.companyId = request.companyId();
            row.tokenHash = Hashes.sha256Hex(token);
            row.redirectUrl = request.redirectUrl();
            row.categories = request.categories().isEmpty()
                    ? null
                    : request.categories().stream().map(Category::key).sorted().collect(Collectors.joining(","));
            row.platformKey = request.platformKey().orElse(null);
            row.createdBy = request.createdBy();
            row.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            row.expiresAt = row.createdAt.plus(request.lifetime());
            row.persist();
            return row;
        });
        return new Created(link.id, config.baseUrl() + "/link/" + token, link.expiresAt);
    }

    /** The link of this token, whatever its state; nothing for a token that was never made. */
    Optional<HostedLink> byToken(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew()
                .call(() -> HostedLink.<HostedLink>find("tokenHash", Hashes.sha256Hex(token))
                        .firstResultOptional());
    }

    /** Why this link can no longer be opened, as the error code sent back; empty while it can. */
    static Optional<String> unusable(HostedLink link, Instant now) {
        if (link.openedAt != null) {
            return Optional.of(LINK_USED);
        }
        if (!link.expiresAt.isAfter(now)) {
            return Optional.of(LINK_EXPIRED);
        }
        return Optional.empty();
    }

    /**
     * Opens the link once: a conditional update lets exactly one request through, even two at the same instant, and
     * in the same transaction the business gets a user of its company (no e-mail, no password) and a session.
     */
    Opening open(String token) {
        Optional<HostedLink> found = byToken(token);
        if (found.isEmpty()) {
            return new Unknown();
        }
        HostedLink link = found.get();
        Instant now = Instant.now();
        Optional<String> gone = unusable(link, now);
        if (gone.isPresent()) {
            return new Gone(link, gone.get());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Company company = Company.findById(link.companyId);
            boolean claimed = company != null
                    && company.deletedAt == null
                    && HostedLink.update(
                                    "openedAt = ?1 where id = ?2 and openedAt is null and expiresAt > ?1", now, link.id)
                            == 1;
            if (!claimed) {
                return (Opening)
                        new Gone(link, company == null || company.deletedAt != null ? LINK_EXPIRED : LINK_USED);
            }
            User business = new User();
            business.company = company;
            business.role = User.count("company.id", company.id) == 0 ? User.OWNER : User.MEMBER;
            business.passwordScheme = User.NO_PASSWORD;
            business.createdAt = now;
            business.persistAndFlush();
            HostedLink.update("userId = ?1 where id = ?2", business.id, link.id);
            link.userId = business.id;
            link.openedAt = now;
            return new Opened(link, sessions.open(business.id));
        });
    }

    /**
     * Ends the business's journey with its outcome, once: the first outcome is the one the integrator is told, so a
     * second callback (a reload, another tab) changes nothing. Returns the link as it ended.
     */
    Optional<HostedLink> finish(long userId, String outcome, Long connectionId, String errorCode) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<HostedLink> open = HostedLink.openFor(userId);
            if (open.isEmpty()) {
                return Optional.<HostedLink>empty();
            }
            HostedLink link = open.get();
            HostedLink.update(
                    "outcome = ?1, connectionId = ?2, errorCode = ?3, finishedAt = ?4 where id = ?5 and finishedAt is null",
                    outcome,
                    connectionId,
                    errorCode,
                    Instant.now(),
                    link.id);
            // The bulk update bypassed the loaded entity: read back what was stored, ours or a faster request's.
            Panache.getEntityManager().refresh(link);
            return Optional.of(link);
        });
    }

    /** Where the business goes back to with the link's outcome, signed now. */
    URI redirect(HostedLink link) {
        return URI.create(signature.redirect(
                link.redirectUrl,
                new RedirectSignature.Outcome(link.companyId, link.connectionId, link.outcome, link.errorCode, link.id),
                Instant.now()));
    }

    /** Where the business goes back to from a link it can no longer use. */
    URI redirectGone(HostedLink link, String errorCode) {
        return URI.create(signature.redirect(
                link.redirectUrl,
                new RedirectSignature.Outcome(link.companyId, null, ERROR, errorCode, link.id),
                Instant.now()));
    }

    /** The error code sent back for a callback that did not link: the outcome's name, in lower case. */
    static String errorCode(ConnectFlow.Outcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }
}
