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

/** Documented response bodies kept under {@code src/test/resources/providers/} (each folder's README names its page). */
final class ProviderFixtures {

    private ProviderFixtures() {}

    static String body(String path) {
        try (InputStream in = ProviderFixtures.class.getResourceAsStream("/providers/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A catalog-like accounting platform with this key, reading what Xero and QuickBooks read. */
    static Platform accounting(String key) {
        return new Platform(
                key,
                key,
                Category.ACCOUNTING,
                "https://example.com",
                java.util.Optional.empty(),
                true,
                List.of(
                        DataType.COMPANY_INFO,
                        DataType.CHART_OF_ACCOUNTS,
                        DataType.INVOICES,
                        DataType.BILLS,
                        DataType.FINANCIAL_STATEMENTS),
                List.of(),
                List.of(),
                Optional.empty(),
                java.util.Optional.empty(),
                false,
                java.util.Optional.empty());
    }
}
