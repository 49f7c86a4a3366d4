package io.connectionportal.api;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import io.connectionportal.shared.Hashes;
import io.connectionportal.shared.PortalConfig;
import io.connectionportal.shared.RandomTokens;

/**
 * Creates, lists, revokes and recognises API keys; the back office will call it. A key is shown once, when it is
 * created, and kept only as its SHA-256: 256 random bits need no slow hash, and the lookup is by the hash itself.
 */
@ApplicationScoped
public class ApiKeys {

    static final String PREFIX = "cp_live_";
    static final String BOOTSTRAP_NAME = "bootstrap";
    static final int BOOTSTRAP_MIN_LENGTH = 32;

    /** How stale the recorded last use may grow before a request writes it again (as for sessions). */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A new key, with the only copy of its clear value. */
    public record CreatedKey(long id, String name, String prefix, String key) {
        @Override
        public String toString() {
            return "CreatedKey[id=" + id + ", name=" + name + ", prefix=" + prefix + "]";
        }
    }

    /** What the back office may show of a key: never the key. */
    public record KeyView(
            long id, String name, String prefix, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {}

    /** Who called the API: the key's id and name. */
    record Caller(long keyId, String keyName) {}

    private final PortalConfig config;

    ApiKeys(PortalConfig config) {
        this.config = config;
    }

    void ensureBootstrapKey(@Observes StartupEvent started) {
        config.api().bootstrapKey().ifPresent(this::ensureBootstrap);
    }

    void ensureBootstrap(String key) {
        if (key.length() < BOOTSTRAP_MIN_LENGTH || !Authorization.isToken(key)) {
            throw new IllegalStateException("portal.api.bootstrap-key (PORTAL_API_BOOTSTRAP_KEY) must be at least "
                    + BOOTSTRAP_MIN_LENGTH + " characters of letters, digits and -._~+/ (e.g. openssl rand -hex 32)");
        }
        String hash = Hashes.sha256Hex(key);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (ApiKey.count("keyHash", hash) == 0) {
                    // Only a few characters: the rest of a configured key is secret, and so is its length.
                    persist(BOOTSTRAP_NAME, hash, key.substring(0, 4));
                }
            });
        } catch (RuntimeException e) {
            // Another instance starting at the same moment stored it first: the unique hash refused ours.
            if (QuarkusTransaction.requiringNew().call(() -> ApiKey.count("keyHash", hash)) == 0) {
                throw e;
            }
        }
        if (QuarkusTransaction.requiringNew().call(() -> ApiKey.count("keyHash = ?1 and revokedAt is not null", hash))
                > 0) {
            Log.warn("portal.api.bootstrap-key names a revoked API key: it stays revoked; configure a new one");
        }
    }

    @Transactional
    public CreatedKey create(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > ApiKey.NAME_MAX) {
            throw new IllegalArgumentException("An API key needs a name of 1 to " + ApiKey.NAME_MAX + " characters");
        }
        String key = PREFIX + RandomTokens.next();
        ApiKey stored = persist(trimmed, Hashes.sha256Hex(key), key.substring(0, PREFIX.length() + 4));
        return new CreatedKey(stored.id, stored.name, stored.prefix, key);
    }

    public List<KeyView> list() {
        return ApiKey.<ApiKey>list("order by id").stream()
                .map(k -> new KeyView(k.id, k.name, k.prefix, k.createdAt, k.lastUsedAt, k.revokedAt))
                .toList();
    }

    /** Revokes a key at once; false when there is no such key or it was already revoked. */
    @Transactional
    public boolean revoke(long id) {
        return ApiKey.update("revokedAt = ?1 where id = ?2 and revokedAt is null", Instant.now(), id) > 0;
    }

    /** The caller holding this key, if the key is known and not revoked; records its use at most once a minute. */
    Optional<Caller> recognise(String key) {
        Instant now = Instant.now();
        Optional<ApiKey> found = QuarkusTransaction.requiringNew()
                .call(() -> ApiKey.<ApiKey>find("keyHash = ?1 and revokedAt is null", Hashes.sha256Hex(key))
                        .firstResultOptional());
        found.filter(k -> k.lastUsedAt == null || k.lastUsedAt.isBefore(now.minus(TOUCH_EVERY)))
                .ifPresent(k -> touch(k.id, now));
        return found.map(k -> new Caller(k.id, k.name));
    }

    private static void touch(long id, Instant now) {
        // Guarded by the old value, so of two instances serving the same minute only one writes.
        QuarkusTransaction.requiringNew()
                .run(() -> ApiKey.update(
                        "lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)",
                        now,
                        id,
                        now.minus(TOUCH_EVERY)));
    }

    private static ApiKey persist(String name, String hash, String prefix) {
        ApiKey key = new ApiKey();
        key.name = name;
        key.keyHash = hash;
        key.prefix = prefix;
        key.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        key.persistAndFlush();
        return key;
    }
}
