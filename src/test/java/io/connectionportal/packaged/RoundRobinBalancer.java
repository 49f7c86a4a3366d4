package io.connectionportal.packaged;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A load balancer as simple as they come: each request goes to the next instance in turn, no stickiness, no
 * health checks beyond skipping an instance that refuses the connection (as one does while it restarts). It keeps
 * the path of every request it forwards, so a test can count the calls to the sandbox's data API, which the
 * portal makes through the public address like any other client.
 */
final class RoundRobinBalancer implements AutoCloseable {

    /** Hop-by-hop and framing headers: each side of the balancer sets its own. */
    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "connection", "content-length", "transfer-encoding", "expect", "upgrade", "keep-alive");

    private final HttpServer server;
    private final HttpClient http;
    private final List<Supplier<URI>> instances;
    private final AtomicInteger next = new AtomicInteger();
    private final List<String> forwarded = new CopyOnWriteArrayList<>();

    /** Run with each forwarded path once its instance has answered, before the answer goes back to the caller. */
    private volatile Consumer<String> beforeAnswering = path -> {};

    RoundRobinBalancer(List<Supplier<URI>> instances) throws IOException {
        this.instances = instances;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/", this::forward);
        server.start();
    }

    URI base() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** Lets a test act between an instance's answer and its caller receiving it (for example, lose the database). */
    void beforeAnswering(Consumer<String> action) {
        this.beforeAnswering = action;
    }

    /** Paths (with query) of the requests forwarded so far, in order. */
    List<String> forwarded() {
        return List.copyOf(forwarded);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String target = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery());
            HttpResponse<byte[]> answer = null;
            IOException lastFailure = null;
            for (int tried = 0; tried < instances.size() && answer == null; tried++) {
                URI instance = instances
                        .get(Math.floorMod(next.getAndIncrement(), instances.size()))
                        .get();
                HttpRequest.Builder request = HttpRequest.newBuilder(instance.resolve(target))
                        .timeout(Duration.ofSeconds(60))
                        .method(
                                exchange.getRequestMethod(),
                                body.length == 0
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                        values.forEach(value -> request.header(name, value));
                    }
                });
                try {
                    answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (IOException refused) {
                    // Restarting or gone: the next instance takes it, as a balancer's retry on connect failure does.
                    lastFailure = refused;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            }
            if (answer == null) {
                byte[] message = ("No instance answered: " + lastFailure).getBytes();
                exchange.sendResponseHeaders(502, message.length);
                exchange.getResponseBody().write(message);
                return;
            }
            forwarded.add(target);
            beforeAnswering.accept(target);
            answer.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] content = answer.body();
            exchange.sendResponseHeaders(answer.statusCode(), content.length == 0 ? -1 : content.length);
            if (content.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(content);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
