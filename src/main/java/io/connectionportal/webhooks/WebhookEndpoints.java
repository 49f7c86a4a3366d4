package io.connectionportal.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.shared.PortalConfig;

/** What the back office does to an endpoint; the configured ones are written by {@link ConfiguredEndpoints}. */
@ApplicationScoped
public class WebhookEndpoints {

    public static final int NAME_MAX = 100;
    public static final int URL_MAX = 2000;
    static final int SECRET_BYTES = 32;

    /** Why an address is refused for a back-office endpoint. */
    public enum UrlProblem {
        NOT_A_URL,
        /** https only, but for http when private addresses are allowed (tests, a private network). */
        NOT_HTTPS,
        /** It resolves to a private, loopback or link-local address, or does not resolve (see {@link AddressGuard}). */
        NOT_PUBLIC
    }

    private final PortalConfig config;
    private final SecureRandom random = new SecureRandom();

    WebhookEndpoints(PortalConfig config) {
        this.config = config;
    }

    /** Enables a disabled endpoint again with a fresh start; false when there is no such disabled endpoint. */
    public boolean enable(long endpointId) {
        return QuarkusTransaction.requiringNew()
                        .call(() -> WebhookEndpoint.update(
                                "disabledAt = null, failingSince = null where id = ?1 and disabledAt is not null",
                                endpointId))
                == 1;
    }

    /** What is wrong with {@code url} as an endpoint's address, or empty when deliveries may go there. */
    public Optional<UrlProblem> urlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of(UrlProblem.NOT_A_URL);
        }
        if (!uri.isAbsolute() || uri.getHost() == null || url.length() > URL_MAX) {
            return Optional.of(UrlProblem.NOT_A_URL);
        }
        boolean allowPrivate = config.webhooks().allowPrivateAddresses();
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !(allowPrivate && "http".equalsIgnoreCase(uri.getScheme()))) {
            return Optional.of(UrlProblem.NOT_HTTPS);
        }
        return AddressGuard.refusal(uri, allowPrivate).map(reason -> UrlProblem.NOT_PUBLIC);
    }

    public boolean nameTaken(String name) {
        return QuarkusTransaction.requiringNew().call(() -> WebhookEndpoint.count("name", name) > 0);
    }

    /**
     * A back-office endpoint with a new secret ({@code whsec_} + base64 of 32 random bytes); {@code events} is
     * {@link WebhookEndpoint#ALL_EVENTS} or a comma-separated list of types. The caller checked name and address.
     */
    public long create(String name, String url, String events) {
        String secret = "whsec_" + Base64.getEncoder().encodeToString(randomBytes());
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookEndpoint endpoint = new WebhookEndpoint();
            endpoint.name = name;
            endpoint.url = url;
            endpoint.secret = secret;
            endpoint.events = events;
            endpoint.fromConfig = false;
            endpoint.createdAt = Instant.now();
            endpoint.persistAndFlush();
            return endpoint.id;
        });
    }

    /** Deletes a back-office endpoint with its delivery log; false for a configured one or an unknown id. */
    public boolean delete(long endpointId) {
        return QuarkusTransaction.requiringNew()
                        .call(() -> WebhookEndpoint.delete("id = ?1 and fromConfig = false", endpointId))
                == 1;
    }

    /**
     * The signing secret of a back-office endpoint, which its owner needs to verify deliveries; never a configured
     * endpoint's, which lives in the configuration.
     */
    public Optional<String> secretOf(long endpointId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> WebhookEndpoint.<WebhookEndpoint>find("id = ?1 and fromConfig = false", endpointId)
                        .firstResultOptional()
                        .map(e -> e.secret));
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return bytes;
    }
}
