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

import io.quarkus.qute.TemplateData;
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
@TemplateData
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
            return in == null ? "" : fingerprint(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first 12 hex digits of the content's SHA-256. */
    static String fingerprint(byte[] content) {
        return HexFormat.of().formatHex(Hashes.sha256(content)).substring(0, 12);
    }

    /** How long a browser may keep a file: a year when asked for under its current fingerprint, else checked each time. */
    static String cacheControl(String askedFingerprint, String currentFingerprint) {
        boolean fingerprinted = askedFingerprint != null
                && !currentFingerprint.isEmpty()
                && askedFingerprint.equals(currentFingerprint);
        return fingerprinted ? CACHED : REVALIDATED;
    }

    /**
     * Whether the path is one of the public files (style sheets, scripts, images, the brand's colours): they are the
     * same for everyone, so a request for one is answered without looking up the session it may carry.
     */
    static boolean isPublicFile(String path) {
        return path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/img/")
                || path.equals(ThemeResource.PATH);
    }

    void cacheHeaders(@Observes Router router) {
        for (String prefix : new String[] {"/css/*", "/js/*", "/img/*"}) {
            router.route(prefix).order(Integer.MIN_VALUE + 1).handler(this::cacheHeader);
        }
    }

    private void cacheHeader(RoutingContext context) {
        String cacheControl = cacheControl(context.request().getParam(VERSION), fingerprint(context.normalizedPath()));
        context.addHeadersEndHandler(ignored -> {
            if (context.response().getStatusCode() == 200 || context.response().getStatusCode() == 304) {
                context.response().headers().set(HttpHeaders.CACHE_CONTROL, cacheControl);
            }
        });
        context.next();
    }
}
