package io.connectionportal.connect;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;

import io.connectionportal.shared.PortalConfig;

/**
 * Embedding, optional (issue 10, point 4): the hosted journey may be framed by the origins of
 * {@code portal.api.frame-ancestors}; every other page, and every page when none is set, keeps
 * {@code frame-ancestors 'none'}. Set just before the headers go out, so it replaces what the static header
 * configuration wrote rather than adding a second, stricter policy.
 */
@ApplicationScoped
class HostedFraming {

    /** The pages of the journey a business walks in a frame: its start and end, consent, the picker. */
    static final List<String> JOURNEY = List.of("/link", "/connect", "/privacy");

    private static final Pattern ORIGIN =
            Pattern.compile("https://[a-z0-9.-]+(:\\d{1,5})?|http://localhost(:\\d{1,5})?");
    private static final String NONE = "frame-ancestors 'none'";

    private final Optional<String> ancestors;

    HostedFraming(PortalConfig config) {
        this.ancestors = config.api().frameAncestors().map(HostedFraming::checked);
    }

    /** Origins only, so a typo cannot open the frame to a whole scheme ({@code https:}) or to everyone ({@code *}). */
    static String checked(List<String> origins) {
        for (String origin : origins) {
            if (!ORIGIN.matcher(origin.strip()).matches()) {
                throw new IllegalStateException("portal.api.frame-ancestors (PORTAL_API_FRAME_ANCESTORS) takes origins"
                        + " such as https://app.lender.example; '" + origin.strip() + "' is not one");
            }
        }
        return String.join(" ", origins.stream().map(String::strip).toList());
    }

    void announce(@Observes StartupEvent started) {
        ancestors.ifPresent(origins -> Log.infof("The hosted journey may be framed by %s", origins));
    }

    void register(@Observes Router router) {
        if (ancestors.isEmpty()) {
            return;
        }
        String allowed = "frame-ancestors " + ancestors.get();
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String path = context.normalizedPath();
            if (JOURNEY.stream().anyMatch(page -> path.equals(page) || path.startsWith(page + "/"))) {
                context.addHeadersEndHandler(ended -> {
                    String policy = context.response().headers().get("Content-Security-Policy");
                    if (policy != null) {
                        context.response().headers().set("Content-Security-Policy", policy.replace(NONE, allowed));
                    }
                    // X-Frame-Options knows no list of origins; CSP frame-ancestors takes over where it is allowed.
                    context.response().headers().remove("X-Frame-Options");
                });
            }
            context.next();
        });
    }
}
