package io.connectionportal.webhooks;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.connectionportal.shared.PortalConfig;

/** With the default configuration, the sender refuses an internal address before any connection is opened. */
class WebhookSenderTest {

    @Test
    void aLoopbackEndpointIsRefusedWhenPrivateAddressesAreNotAllowed() {
        WebhookSender sender = new WebhookSender(config(false));
        // Port 9 (discard) on loopback: were it called, the error would be a refused connection, not the guard's.
        WebhookSender.Outcome outcome =
                sender.send("http://127.0.0.1:9/hook", "whsec_" + "A".repeat(32), "msg_test", "{}");
        assertNull(outcome.status());
        assertTrue(outcome.error().startsWith("refused: the host resolves to a private address"), outcome.error());
    }

    @Test
    void aMetadataAddressIsRefusedWhenPrivateAddressesAreNotAllowed() {
        WebhookSender.Outcome outcome = new WebhookSender(config(false))
                .send("http://169.254.169.254/latest/meta-data", "whsec_" + "A".repeat(32), "msg_test", "{}");
        assertTrue(outcome.error().startsWith("refused:"), outcome.error());
    }

    /** The two settings the sender reads, the rest unused. */
    private static PortalConfig config(boolean allowPrivate) {
        PortalConfig.Webhooks webhooks = (PortalConfig.Webhooks) Proxy.newProxyInstance(
                PortalConfig.class.getClassLoader(),
                new Class<?>[] {PortalConfig.Webhooks.class},
                (p, m, a) -> switch (m.getName()) {
                    case "allowPrivateAddresses" -> allowPrivate;
                    case "connectTimeout", "requestTimeout" -> Duration.ofSeconds(2);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (PortalConfig) Proxy.newProxyInstance(
                PortalConfig.class.getClassLoader(), new Class<?>[] {PortalConfig.class}, (p, m, a) -> {
                    if (m.getName().equals("webhooks")) {
                        return webhooks;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}
