package io.connectionportal.connectors;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.connectionportal.shared.PortalConfig;

/**
 * Loads the token keys once, at start-up (before anything else uses them): the configured ones, or the key
 * file of a fresh checkout; checks them against the database ({@link TokenKeyCheck}), which stops the
 * start-up with the setting to fix when they cannot open what is stored; then records the check value of
 * each new key.
 */
@ApplicationScoped
class TokenKeySetup {

    private final PortalConfig config;
    private final TokenKeyStore store;
    private final String dbKind;
    private volatile TokenKeys keys;

    TokenKeySetup(
            PortalConfig config,
            TokenKeyStore store,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.config = config;
        this.store = store;
        this.dbKind = dbKind;
    }

    /** The key file suits only the embedded database, which one process owns; any server may be shared. */
    boolean sharedDatabase() {
        return !"h2".equalsIgnoreCase(dbKind);
    }

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event) {
        keys();
    }

    TokenKeys keys() {
        TokenKeys loaded = keys;
        if (loaded == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load();
                }
                loaded = keys;
            }
        }
        return loaded;
    }

    private TokenKeys load() {
        Set<String> lost = Set.copyOf(config.tokenLostKeys().orElse(List.of()));
        TokenKeys loaded = TokenKeys.configured(
                        config.tokenKeys(), config.tokenKeyCurrent(), config.tokenEncryptionKey(), lost)
                .orElseGet(() -> {
                    if (sharedDatabase()) {
                        throw new IllegalStateException("The database is " + dbKind + ", which several instances can"
                                + " share, and each would make a key file of its own: configure one token key for all"
                                + " of them, portal.token-encryption-key (PORTAL_TOKEN_ENCRYPTION_KEY; e.g."
                                + " openssl rand -base64 32)");
                    }
                    if (lost.contains(TokenKeys.DEFAULT_ID)) {
                        throw new IllegalStateException(
                                "portal.token-lost-keys names default, the key of the key file: configure a new key under a new id (portal.token-keys.<id>)");
                    }
                    return TokenKeyFile.load(Path.of(config.tokenKeyFile()), this::databaseHoldsKeys)
                            .withLost(lost);
                });
        TokenKeyCheck.verify(loaded, store);
        store.recordChecks(loaded);
        Log.infof("Token keys: %s; new values use '%s'", String.join(", ", loaded.ids()), loaded.currentId());
        return loaded;
    }

    private boolean databaseHoldsKeys() {
        return !store.checkValues().isEmpty() || store.anyEncrypted();
    }
}
