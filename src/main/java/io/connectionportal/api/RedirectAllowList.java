package io.connectionportal.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import io.connectionportal.shared.PortalConfig;

/**
 * Where a hosted link may send the business back: the prefixes of {@code portal.api.redirect-allow-list} and those
 * added in the back office. A redirect URL is allowed when it starts with an entry at a path boundary, so that an
 * entry {@code https://app.lender.example} does not let {@code https://app.lender.example.evil.test} in.
 */
@ApplicationScoped
public class RedirectAllowList {

    static final int PREFIX_MAX = 500;

    /** An entry added in the back office. */
    public record Entry(long id, String prefix, String addedBy, Instant addedAt) {}

    /** Why an entry or a redirect URL is refused; {@link #key()} names the message that explains it. */
    public enum Refusal {
        MALFORMED,
        NOT_HTTPS,
        USER_INFO,
        FRAGMENT,
        TOO_LONG,
        DUPLICATE;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final PortalConfig config;

    RedirectAllowList(PortalConfig config) {
        this.config = config;
    }

    /** The configured prefixes, which only configuration changes. */
    public List<String> configured() {
        return config.api().redirectAllowList().orElse(List.of()).stream()
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    public List<Entry> stored() {
        return RedirectAllowEntry.<RedirectAllowEntry>listAll(Sort.by("id")).stream()
                .map(e -> new Entry(e.id, e.prefix, e.addedBy, e.addedAt))
                .toList();
    }

    /** Adds a prefix; refused when it is not an absolute https URL (http only for localhost) or is already there. */
    @Transactional
    public Optional<Refusal> add(String prefix, String addedBy) {
        String entry = prefix == null ? "" : prefix.strip();
        Optional<Refusal> refusal = check(entry);
        if (refusal.isPresent()) {
            return refusal;
        }
        if (configured().contains(entry) || RedirectAllowEntry.count("prefix", entry) > 0) {
            return Optional.of(Refusal.DUPLICATE);
        }
        RedirectAllowEntry row = new RedirectAllowEntry();
        row.prefix = entry;
        row.addedBy = addedBy;
        row.addedAt = Instant.now();
        row.persist();
        return Optional.empty();
    }

    @Transactional
    public boolean remove(long id) {
        return RedirectAllowEntry.deleteById(id);
    }

    /** Whether a hosted link may redirect to this URL: well formed and under an entry. */
    public boolean allows(String url) {
        if (url == null || check(url).isPresent()) {
            return false;
        }
        return Stream.concat(configured().stream(), stored().stream().map(Entry::prefix))
                .anyMatch(prefix -> under(url, prefix));
    }

    static boolean under(String url, String prefix) {
        if (!url.startsWith(prefix)) {
            return false;
        }
        if (url.length() == prefix.length() || prefix.endsWith("/")) {
            return true;
        }
        char next = url.charAt(prefix.length());
        return next == '/' || next == '?';
    }

    /** The rules an entry and a redirect URL both follow. */
    static Optional<Refusal> check(String url) {
        if (url.length() > PREFIX_MAX) {
            return Optional.of(Refusal.TOO_LONG);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of(Refusal.MALFORMED);
        }
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of(Refusal.MALFORMED);
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of(Refusal.USER_INFO);
        }
        if (uri.getRawFragment() != null) {
            return Optional.of(Refusal.FRAGMENT);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        if (!"https".equals(scheme) && !("http".equals(scheme) && local)) {
            return Optional.of(Refusal.NOT_HTTPS);
        }
        return Optional.empty();
    }
}
