package io.connectionportal.sync;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;

import io.connectionportal.shared.RetryAfter;

/**
 * The one way data clients call a provider: a GET with the bearer token, a timeout, no redirects (the token would
 * follow them), and waits only where the provider asks for one. 429, and 502/503/504, are tried again after the
 * provider's {@code Retry-After} (or a short backoff), at most {@link #TRIES} times and never waiting longer than
 * {@link #MAX_WAIT}; a longer wait ends the read as {@code RATE_LIMITED} and the next sync picks it up. 401 is
 * {@code UNAUTHORIZED} (the runner refreshes once); every other status is final for this sync.
 */
@ApplicationScoped
class ProviderHttp {

    static final int TRIES = 3;
    /** No read follows more pages than this: a provider that always answers "more" must not hold a worker for ever. */
    static final int MAX_PAGES = 1000;

    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A 200 answer: its JSON and headers (paging may live in {@code Link}). */
    record Answer(JsonNode body, HttpHeaders headers) {}

    private final ObjectMapper json;
    private final HttpClient http;

    ProviderHttp(ObjectMapper json) {
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** GETs {@code uri} for {@code what} (named in errors and logs, which never show a token). */
    Answer get(URI uri, String accessToken, Map<String, String> headers, String what) throws ProviderApiException {
        return get(uri, "Authorization", "Bearer " + accessToken, headers, what);
    }

    /**
     * The same with the token alone in a header of the provider's own ({@code X-Shopify-Access-Token}), for a
     * provider that does not read a bearer token.
     */
    Answer getWithTokenHeader(URI uri, String tokenHeader, String accessToken, Map<String, String> headers, String what)
            throws ProviderApiException {
        return get(uri, tokenHeader, accessToken, headers, what);
    }

    private Answer get(URI uri, String tokenHeader, String tokenValue, Map<String, String> headers, String what)
            throws ProviderApiException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header(tokenHeader, tokenValue)
                .header("Accept", "application/json")
                .GET();
        headers.forEach(request::header);
        HttpRequest built = request.build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response = send(built, what);
            int status = response.statusCode();
            if (status == 200) {
                return new Answer(parse(response.body(), what), response.headers());
            }
            if (status == 401) {
                throw new ProviderApiException(
                        ProviderApiException.Reason.UNAUTHORIZED, "The data API answered 401 to " + what);
            }
            boolean temporary = status == 429 || status == 502 || status == 503 || status == 504;
            if (!temporary) {
                throw new ProviderApiException(
                        ProviderApiException.Reason.PROVIDER_ERROR, "The data API answered " + status + " to " + what);
            }
            Duration wait = RetryAfter.parse(response.headers().firstValue("Retry-After"), Instant.now())
                    .orElse(Duration.ofSeconds(attempt));
            if (attempt >= TRIES || wait.compareTo(MAX_WAIT) > 0) {
                throw new ProviderApiException(
                        ProviderApiException.Reason.RATE_LIMITED,
                        "The data API answered " + status + " to " + what + " and asked to wait " + wait.toSeconds()
                                + " s; the next sync tries again");
            }
            Log.infof("The data API answered %d to %s; trying again in %d s", status, what, wait.toSeconds());
            pause(wait);
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request, String what) throws ProviderApiException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new ProviderApiException(
                    ProviderApiException.Reason.UNREACHABLE, "The data API did not answer " + what + " in time", e);
        } catch (IOException e) {
            throw new ProviderApiException(
                    ProviderApiException.Reason.UNREACHABLE, "The data API could not be reached for " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderApiException(
                    ProviderApiException.Reason.UNREACHABLE, "Interrupted while reading " + what, e);
        }
    }

    private JsonNode parse(byte[] body, String what) throws ProviderApiException {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new IOException("empty body");
            }
            return node;
        } catch (IOException e) {
            throw new ProviderApiException(
                    ProviderApiException.Reason.PROVIDER_ERROR, "The data API sent invalid JSON for " + what, e);
        }
    }

    private static void pause(Duration wait) throws ProviderApiException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderApiException(ProviderApiException.Reason.UNREACHABLE, "Interrupted while waiting", e);
        }
    }
}
