package io.connectionportal.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.connectionportal.shared.LogText;
import io.connectionportal.shared.PortalConfig;

/**
 * Sends one signed message over HTTP, never inside a transaction: connect and request timeouts, redirects never
 * followed (a 3xx is a failure), and the address guard checked just before each request.
 */
@ApplicationScoped
class WebhookSender {

    /** What one attempt gave: the status the endpoint answered, or the reason there was none. */
    record Outcome(Integer status, String error, long durationMs) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final PortalConfig config;
    private final HttpClient client;

    WebhookSender(PortalConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.webhooks().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Outcome send(String url, String secret, String messageId, String body) {
        long started = System.nanoTime();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return new Outcome(null, "invalid URL", elapsed(started));
        }
        Optional<String> refusal = AddressGuard.refusal(uri, config.webhooks().allowPrivateAddresses());
        if (refusal.isPresent()) {
            return new Outcome(null, "refused: " + refusal.get(), elapsed(started));
        }
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(config.webhooks().requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "ConnectionPortal-Webhooks/1")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, messageId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            // The answer's body is not read: only its status counts, and an endpoint may not make us store its text.
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), null, elapsed(started));
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "timed out", elapsed(started));
        } catch (IOException e) {
            return new Outcome(null, describe(e), elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", elapsed(started));
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        String text = LogText.clean(e.getClass().getSimpleName() + message);
        return text.length() <= 300 ? text : text.substring(0, 297) + "...";
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
