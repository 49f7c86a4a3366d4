package io.connectionportal.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Static files under fingerprinted addresses: templates write {@code inject:assets.url('/css/portal.css')}, which
 * adds {@code ?v=} and the first hex digits of the file's SHA-256, so a changed file gets a new address. Only a
 * request carrying the current fingerprint is cached for a year as immutable; any other (an old page, a hand-typed
 * address) is revalidated. Fingerprints come from the packaged files, so every instance computes the same ones.
 */
@ApplicationScoped
@Named("assets")
public class Assets {

    static final String VERSION = "v";
    private static final String WEB_ROOT = "META-INF/resources";
    private static final String CACHED = "public, max-age=31536000, immutable";
    private static final String REVALIDATED = "no-cache";

    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();

    /** The file's address with its fingerprint; a path not under the web root is returned as it is. */
    public String url(String path) {
        String fingerprint = fingerprint(path);
        return fingerprint.isEmpty() ? path : path + "?" + VERSION + "=" + fingerprint;
    }

    /** The first 12 hex digits of the file's SHA-256, or empty when there is no such file. */
    String fingerprint(String path) {
        return fingerprints.computeIfAbsent(path, Assets::digest);
    }

    private static String digest(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(WEB_ROOT + path)) {
            return in == null
                    ? ""
                    : HexFormat.of().formatHex(Hashes.sha256(in.readAllBytes())).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void cacheHeaders(@Observes Router router) {
        for (String prefix : new String[] {"/css/*", "/js/*", "/img/*"}) {
            router.route(prefix).order(Integer.MIN_VALUE + 1).handler(this::cacheHeader);
        }
    }

    private void cacheHeader(RoutingContext context) {
        String asked = context.request().getParam(VERSION);
        String current = fingerprint(context.normalizedPath());
        boolean fingerprinted = asked != null && !current.isEmpty() && asked.equals(current);
        context.addHeadersEndHandler(ignored -> {
            if (context.response().getStatusCode() == 200 || context.response().getStatusCode() == 304) {
                context.response().headers().set(HttpHeaders.CACHE_CONTROL, fingerprinted ? CACHED : REVALIDATED);
            }
        });
        context.next();
    }
}
