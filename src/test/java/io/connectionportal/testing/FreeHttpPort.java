package io.connectionportal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Boots the test application on a free port instead of the fixed {@code quarkus.http.test-port} (and its management interface
 * instead of {@code quarkus.management.test-port}), so two
 * builds on one machine (another worktree, a CI neighbour) never fail with "Port already bound".
 * {@code %test.portal.base-url} is built from {@code quarkus.http.test-port}, so redirects and e-mail
 * links follow. Applies to every {@code @QuarkusTest} (not restricted), so there is still one boot.
 */
@QuarkusTestResource(FreeHttpPort.class)
public class FreeHttpPort implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.http.test-port", String.valueOf(freePort()),
                "quarkus.management.test-port", String.valueOf(freePort()));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the test application", e);
        }
    }

    @Override
    public void stop() {}
}
