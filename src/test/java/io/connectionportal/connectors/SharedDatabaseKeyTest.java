package io.connectionportal.connectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import io.connectionportal.shared.PortalConfig;

/**
 * A database server may be shared by several instances, and a key file is one instance's: on PostgreSQL the portal
 * refuses to start without a configured key, naming the setting.
 */
@QuarkusTest
class SharedDatabaseKeyTest {

    @Inject
    PortalConfig config;

    @Inject
    TokenKeyStore store;

    @Test
    void onPostgresqlAKeyFileIsRefusedWithTheSettingToFix() {
        TokenKeySetup setup = new TokenKeySetup(withoutConfiguredKeys(config), store, "postgresql");
        assertTrue(setup.sharedDatabase());
        IllegalStateException refused = assertThrows(IllegalStateException.class, setup::keys);
        assertTrue(refused.getMessage().contains("PORTAL_TOKEN_ENCRYPTION_KEY"), refused.getMessage());
    }

    @Test
    void theEmbeddedDatabaseKeepsItsKeyFile() {
        assertFalse(new TokenKeySetup(config, store, "h2").sharedDatabase());
    }

    /** The test profile's configuration, less its keys: what an operator who set none would run. */
    private static PortalConfig withoutConfiguredKeys(PortalConfig config) {
        return (PortalConfig) Proxy.newProxyInstance(
                PortalConfig.class.getClassLoader(), new Class<?>[] {PortalConfig.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "tokenEncryptionKey":
                        case "tokenKeyCurrent":
                            return Optional.empty();
                        case "tokenKeys":
                            return Map.of();
                        case "tokenLostKeys":
                            return Optional.empty();
                        default:
                            return method.invoke(config, args);
                    }
                });
    }
}
