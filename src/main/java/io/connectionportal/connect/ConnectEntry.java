package io.connectionportal.connect;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.connectionportal.connections.Connection;
import io.connectionportal.connectors.Connectors;
import io.connectionportal.consent.ConsentSource;
import io.connectionportal.consent.Consents;
import io.connectionportal.platforms.Platform;
import io.connectionportal.shared.Cookies;

/**
 * The one way into the OAuth round trip for the platform page, a colleague's share link and a reconnect,
 * in this order: consent for the kind of data, one linked accounting connection per company, then the
 * browser binding and the redirect. Each page turns a refusal into its own form error; none of them repeats
 * a check. A share link is used where its connection is linked ({@link ConnectFlow}), not here.
 */
@ApplicationScoped
public class ConnectEntry {

    public enum Refusal {
        /** The company has not agreed to share this kind of data, and the request did not agree now. */
        CONSENT_REQUIRED,
        /** The company's books already come from another linked accounting platform. */
        ACCOUNTING_ALREADY_LINKED,
        /** A per-shop platform (Shopify) connects one shop, and none was named. */
        SHOP_REQUIRED
    }

    /** Either the redirect to the provider (with the browser-binding cookie) or why there is none. */
    public record Entry(Optional<Refusal> refusal, URI provider, NewCookie binding) {

        static Entry refused(Refusal refusal) {
            return new Entry(Optional.of(refusal), null, null);
        }

        public Response redirect() {
            return Response.seeOther(provider).cookie(binding).build();
        }
    }

    private final ConnectFlow flow;
    private final Consents consents;
    private final Cookies cookies;
    private final Connectors connectors;

    ConnectEntry(ConnectFlow flow, Consents consents, Cookies cookies, Connectors connectors) {
        this.flow = flow;
        this.consents = consents;
        this.cookies = cookies;
        this.connectors = connectors;
    }

    /** A new connection to {@code platform}; {@code agreed} is the consent box of the page, if it had one. */
    public Entry connect(Platform platform, ConnectFlow.Starter starter, boolean agreed, HttpHeaders headers) {
        return connect(platform, starter, agreed, headers, Optional.empty());
    }

    /** The same for one shop of a per-shop platform (Shopify), its name checked by the page ({@link ShopName}). */
    public Entry connect(
            Platform platform,
            ConnectFlow.Starter starter,
            boolean agreed,
            HttpHeaders headers,
            Optional<String> shop) {
        if (connectors.shopHost(platform).isPresent() && shop.isEmpty()) {
            return Entry.refused(Refusal.SHOP_REQUIRED);
        }
        return enter(platform, Optional.empty(), starter, agreed, headers, shop);
    }

    /** The same round trip for a connection the company already has (M5). */
    public Entry reconnect(
            Platform platform,
            Connection connection,
            ConnectFlow.Starter starter,
            boolean agreed,
            HttpHeaders headers) {
        // A sandbox-made connection to a platform now real per shop names no shop: it is connected anew instead.
        if (connectors.shopHost(platform).isPresent() && connection.providerAccountId == null) {
            return Entry.refused(Refusal.SHOP_REQUIRED);
        }
        return enter(platform, Optional.of(connection), starter, agreed, headers, Optional.empty());
    }

    private Entry enter(
            Platform platform,
            Optional<Connection> existing,
            ConnectFlow.Starter starter,
            boolean agreed,
            HttpHeaders headers,
            Optional<String> shop) {
        boolean consentNeeded =
                !consents.consentedCategories(starter.companyId()).contains(platform.category());
        // A colleague on a share link cannot agree on the company's behalf: only a signed-in user records consent.
        if (consentNeeded && !(agreed && starter.userId() != null)) {
            return Entry.refused(Refusal.CONSENT_REQUIRED);
        }
        if (Connection.blockingLink(starter.companyId(), platform.category(), existing.map(c -> c.id))
                .isPresent()) {
            return Entry.refused(Refusal.ACCOUNTING_ALREADY_LINKED);
        }
        if (consentNeeded) {
            // The platform page and a connection's Reconnect form are the two pages with an agree box here.
            consents.record(
                    Set.of(platform.category()),
                    existing.isPresent() ? ConsentSource.RECONNECT : ConsentSource.PLATFORM_PAGE);
        }
        String browser = BrowserBinding.secret(headers);
        URI provider = existing.isPresent()
                ? flow.reconnect(existing.get(), starter, browser)
                : flow.start(platform, starter, browser, shop);
        return new Entry(Optional.empty(), provider, BrowserBinding.cookie(browser, cookies));
    }
}
