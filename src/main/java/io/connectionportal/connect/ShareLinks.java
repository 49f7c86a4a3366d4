package io.connectionportal.connect;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.connectionportal.connectors.TokenCipher;
import io.connectionportal.monitor.FunnelEvents;
import io.connectionportal.monitor.FunnelStep;
import io.connectionportal.shared.Hashes;
import io.connectionportal.shared.PortalConfig;
import io.connectionportal.shared.RandomTokens;

/** Creates share links, finds them by token, and uses each one at most once. */
@ApplicationScoped
class ShareLinks {

    private final PortalConfig config;
    private final TokenCipher cipher;
    private final FunnelEvents funnel;

    ShareLinks(PortalConfig config, TokenCipher cipher, FunnelEvents funnel) {
        this.funnel = funnel;
        this.config = config;
        this.cipher = cipher;
    }

    @Transactional
    ShareLink create(long companyId, long userId, String colleague) {
        String token = RandomTokens.next();
        ShareLink link = new ShareLink();
        link.companyId = companyId;
        link.createdByUserId = userId;
        link.tokenHash = Hashes.sha256Hex(token);
        link.tokenEncrypted = cipher.encrypt(token, "share-link:" + link.tokenHash);
        link.colleague = colleague == null || colleague.isBlank() ? null : colleague.strip();
        link.createdAt = Instant.now();
        link.expiresAt = link.createdAt.plus(config.shareLinks().lifetime());
        link.persist();
        funnel.record(FunnelStep.SHARE_LINK_CREATED, null, null, companyId);
        return link;
    }

    String url(ShareLink link) {
        return config.baseUrl() + path(link);
    }

    /** The colleague's page of the link, where they come back after the platform. */
    String path(ShareLink link) {
        return "/share/" + cipher.decrypt(link.tokenEncrypted, "share-link:" + link.tokenHash);
    }

    Optional<ShareLink> byToken(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return ShareLink.find("tokenHash", Hashes.sha256Hex(token)).firstResultOptional();
    }

    /** Whether the link can still make a connection: not used, not expired, not cancelled. */
    boolean usable(long linkId) {
        return ShareLink.count("id = ?1 and usedAt is null and expiresAt > ?2", linkId, Instant.now()) == 1;
    }

    /** The company stops a link it no longer wants used; false when it was used or had expired already. */
    @Transactional
    boolean cancel(long companyId, long linkId) {
        return ShareLink.update(
                        "expiresAt = ?1, cancelledAt = ?1 where id = ?2 and companyId = ?3 and usedAt is null"
                                + " and expiresAt > ?1",
                        Instant.now(),
                        linkId,
                        companyId)
                == 1;
    }

    /**
     * Marks the link used by {@code name}, when its connection is linked; false if another connection used it
     * first, even at the same instant, or it expired or was cancelled meanwhile.
     */
    @Transactional
    boolean use(long linkId, String name) {
        return ShareLink.update(
                        "usedAt = ?1, usedByName = ?2 where id = ?3 and usedAt is null and expiresAt > ?1",
                        Instant.now(),
                        name,
                        linkId)
                == 1;
    }
}
