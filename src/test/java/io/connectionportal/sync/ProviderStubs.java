package io.connectionportal.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.connectionportal.platforms.Category;
import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;

/** What the provider clients' tests share: the documented bodies kept under {@code providers/}, and a platform. */
final class ProviderStubs {

    private ProviderStubs() {}

    /** A response body from {@code src/test/resources/providers/<path>} (each folder's README names its page). */
    static String body(String path) {
        try (InputStream in = ProviderStubs.class.getResourceAsStream("/providers/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource providers/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Platform platform(String key, Category category, List<DataType> reads) {
        return new Platform(
                key,
                key,
                category,
                "https://www.example.com",
                java.util.Optional.empty(),
                true,
                reads,
                List.of(),
                List.of(),
                Optional.empty(),
                java.util.Optional.empty(),
                false,
                java.util.Optional.empty());
    }
}
