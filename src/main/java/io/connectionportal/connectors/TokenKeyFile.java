package io.connectionportal.connectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.BooleanSupplier;

import io.quarkus.logging.Log;

/**
 * The key of a fresh checkout, when no key is configured: read from {@code portal.token-key-file}, or generated
 * into it, with a warning, but only while the database holds nothing a new key could fail to open.
 */
final class TokenKeyFile {

    private TokenKeyFile() {}

    /** {@code databaseHoldsKeys}: whether encrypted values or key checks exist, asked only when the file is missing. */
    static TokenKeys load(Path file, BooleanSupplier databaseHoldsKeys) {
        try {
            if (Files.exists(file)) {
                return TokenKeys.single(Files.readString(file), "The token key file " + file);
            }
            if (databaseHoldsKeys.getAsBoolean()) {
                throw new IllegalStateException("No token key is configured and the key file " + file.toAbsolutePath()
                        + " does not exist, but the database holds encrypted tokens or token key checks, which a new key"
                        + " would not open. Restore that file (portal.token-key-file, PORTAL_TOKEN_KEY_FILE), or set"
                        + " portal.token-encryption-key (PORTAL_TOKEN_ENCRYPTION_KEY) to the key that encrypted them.");
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String encoded = Base64.getEncoder().encodeToString(bytes);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, encoded);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file stays with the folder's permissions.
            }
            Log.warnf(
                    "No portal.token-encryption-key is configured: generated one in %s. Configure your own key in production.",
                    file);
            return TokenKeys.single(encoded, "The token key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token key file " + file, e);
        }
    }
}
