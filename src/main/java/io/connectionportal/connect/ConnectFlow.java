package io.connectionportal.connect;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.audit.AuditTrail;
import io.connectionportal.audit.AuditType;
import io.connectionportal.connections.Connection;
import io.connectionportal.connections.ConnectionChanged;
import io.connectionportal.connections.ConnectionLinked;
import io.connectionportal.connections.ConnectionStatus;
import io.connectionportal.connections.ConnectionTokens;
import io.connectionportal.connectors.AfterConnect;
import io.connectionportal.connectors.Connector;
import io.connectionportal.connectors.ConnectorException;
import io.connectionportal.connectors.Connectors;
import io.connectionportal.connectors.Pkce;
import io.connectionportal.connectors.ProviderAccount;
import io.connectionportal.connectors.TokenCipher;
import io.connectionportal.connectors.TokenSet;
import io.connectionportal.monitor.FunnelEvents;
import io.connectionportal.monitor.FunnelStep;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.shared.Company;
import io.connectionportal.shared.Hashes;
import io.connectionportal.shared.LogText;
import io.connectionportal.shared.RandomTokens;

/**
 * The OAuth 2.0 round trip: {@link #start} makes a pending connection and the provider URL;
 * {@link #complete} checks the callback (state, browser, issuer) before any token request, then
 * trades the code for tokens and stores them encrypted. {@link #reconnect} sends an existing connection
 * through the same round trip. Provider calls run outside transactions.
 */
@ApplicationScoped
public class ConnectFlow {

    static final Duration ATTEMPT_LIFETIME = Duration.ofMinutes(10);

    /** Who starts a connection: a signed-in user, or a colleague holding a share link. */
    public record Starter(long companyId, Long userId, String connectedBy, Long shareLinkId) {}

    public enum Outcome {
        LINKED,
        CANCELLED,
        INVALID_STATE,
        EXPIRED_STATE,
        FOREIGN_STATE,
        ISSUER_MISMATCH,
        /** The provider declares RFC 9207 support, yet the callback does not name it: a possible mix-up. */
        ISSUER_MISSING,
        PROVIDER_ERROR,
        UNREACHABLE,
        /** Another accounting platform was linked for the company while this one was being authorized. */
        ACCOUNTING_ALREADY_LINKED,
        /** A colleague's share link made another connection first: a link makes one connection. */
        SHARE_LINK_USED,
        /** The grant covers no account the portal can read (a Xero sign-in that ticked no organisation). */
        NO_ACCOUNT
    }

    /** What came back from the provider, as received on the redirect URI. */
    /** What the provider sent back; {@code parameters} are the other query parameters, for an account they name. */
    public record Callback(String state, String code, String error, String iss, Map<String, String> parameters) {

        public Callback(String state, String code, String error, String iss) {
            this(state, code, error, iss, Map.of());
        }
    }

    /** An account id a provider names on the callback (QuickBooks' realmId is digits): safe to store and send. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    /**
     * What became of a callback; {@code reconnect} when it was for a connection that already existed;
     * {@code accountToChoose} when it was linked for several accounts (Xero organisations) and the business picks one.
     */
    public record Result(
            Outcome outcome,
            Optional<Connection> connection,
            Optional<Platform> platform,
            boolean reconnect,
            boolean accountToChoose) {

        Result(Outcome outcome, Optional<Connection> connection, Optional<Platform> platform, boolean reconnect) {
            this(outcome, connection, platform, reconnect, false);
        }

        static Result of(Outcome outcome) {
            return new Result(outcome, Optional.empty(), Optional.empty(), false);
        }
    }

    private final Event<ConnectionLinked> linkedEvents;
    private final Event<ConnectionChanged> changes;
    private final Connectors connectors;
    private final PlatformCatalog catalog;
    private final TokenCipher cipher;
    private final ConnectionTokens connectionTokens;
    private final AuditTrail audit;
    private final FunnelEvents funnel;
    private final ShareLinks shareLinks;
    private final AfterConnect afterConnect;
    private final AccountHints accountHints;

    ConnectFlow(
            Connectors connectors,
            PlatformCatalog catalog,
            TokenCipher cipher,
            ConnectionTokens connectionTokens,
            AuditTrail audit,
            Event<ConnectionLinked> linkedEvents,
            FunnelEvents funnel,
            ShareLinks shareLinks,
            Event<ConnectionChanged> changes,
            AfterConnect afterConnect,
            AccountHints accountHints) {
        this.afterConnect = afterConnect;
        this.accountHints = accountHints;
        this.changes = changes;
        this.funnel = funnel;
        this.shareLinks = shareLinks;
        this.linkedEvents = linkedEvents;
        this.connectors = connectors;
        this.catalog = catalog;
        this.cipher = cipher;
        this.connectionTokens = connectionTokens;
        this.audit = audit;
    }

    /** Creates a pending connection and returns the provider's authorization URL for this browser. */
    public URI start(Platform platform, Starter starter, String browserSecret) {
        return start(platform, starter, browserSecret, Optional.empty());
    }

    /** The same for one shop of a platform with per-shop hosts (Shopify): the connection keeps the shop it is for. */
    public URI start(Platform platform, Starter starter, String browserSecret, Optional<String> shop) {
        String state = RandomTokens.next();
        String verifier = Pkce.verifier();
        QuarkusTransaction.requiringNew().run(() -> {
            Connection connection = new Connection();
            connection.companyId = starter.companyId();
            connection.platformKey = platform.key();
            connection.category = platform.category();
            connection.status = ConnectionStatus.PENDING_AUTH;
            connection.sandbox = connectors.isSandbox(platform);
            connection.createdAt = Instant.now();
            connection.createdByUserId = starter.userId();
            connection.shareLinkId = starter.shareLinkId();
            connection.connectedBy = starter.connectedBy();
            connection.providerAccountId = shop.orElse(null);
            connection.persist();
            attempt(connection.id, starter.companyId(), state, verifier, browserSecret, false, null);
            if (starter.shareLinkId() != null) {
                audit.record(
                        starter.companyId(),
                        connection.id,
                        platform.key(),
                        AuditType.SHARE_LINK_USED,
                        AuditTrail.shareLinkActor(starter.connectedBy()),
                        "share-link:" + starter.shareLinkId());
            }
        });
        funnel.record(FunnelStep.PLATFORM_SELECTED, platform.category(), platform.key(), starter.companyId());
        return connectors
                .forPlatform(platform, shop)
                .authorizationUrl(state, Pkce.challenge(verifier), accountHints.forCompany(starter.companyId()));
    }

    /**
     * Sends the business back to the provider for a connection it already has (M5): the same row, id
     * and history become linked again on success; a denial or failure leaves the connection as it was.
     * The caller checks that the connection belongs to the starter's company and may be reconnected.
     */
    public URI reconnect(Connection connection, Starter starter, String browserSecret) {
        if (connection.companyId != starter.companyId()) {
            throw new IllegalArgumentException("A connection is reconnected only by its own company");
        }
        Platform platform = catalog.find(connection.platformKey)
                .orElseThrow(() -> new IllegalArgumentException("Unknown platform " + connection.platformKey));
        String state = RandomTokens.next();
        String verifier = Pkce.verifier();
        QuarkusTransaction.requiringNew()
                .run(() -> attempt(
                        connection.id,
                        starter.companyId(),
                        state,
                        verifier,
                        browserSecret,
                        true,
                        starter.connectedBy()));
        // Its callback records a completion like any other: the monitor counts the begin too, or rates pass 100%.
        funnel.record(FunnelStep.PLATFORM_SELECTED, platform.category(), platform.key(), starter.companyId());
        return connectors
                .forPlatform(platform, shopOf(platform, connection))
                .authorizationUrl(state, Pkce.challenge(verifier), accountHints.forCompany(starter.companyId()));
    }

    private void attempt(
            long connectionId,
            long companyId,
            String state,
            String verifier,
            String browserSecret,
            boolean reconnect,
            String startedBy) {
        AuthorizationAttempt attempt = new AuthorizationAttempt();
        attempt.connectionId = connectionId;
        attempt.companyId = companyId;
        attempt.stateHash = Hashes.sha256Hex(state);
        attempt.browserHash = Hashes.sha256Hex(browserSecret);
        attempt.codeVerifierEncrypted = cipher.encrypt(verifier, "attempt:" + attempt.stateHash);
        attempt.createdAt = Instant.now();
        attempt.expiresAt = attempt.createdAt.plus(ATTEMPT_LIFETIME);
        attempt.reconnect = reconnect;
        attempt.startedBy = startedBy;
        attempt.persist();
    }

    /** Settles the callback, then records its outcome as a funnel event when it belonged to a real attempt. */
    public Result complete(Callback callback, String browserSecret) {
        Result result = settle(callback, browserSecret);
        result.connection()
                .filter(c -> result.outcome() == Outcome.LINKED && c.shareLinkId != null && !result.reconnect())
                .ifPresent(c -> funnel.record(FunnelStep.SHARE_LINK_USED, c.category, c.platformKey, c.companyId));
        result.platform()
                .ifPresent(p -> funnel.record(
                        funnelStep(result.outcome()),
                        p.category(),
                        p.key(),
                        result.connection().map(c -> c.companyId).orElse(null)));
        return result;
    }

    private static FunnelStep funnelStep(Outcome outcome) {
        return switch (outcome) {
            case LINKED -> FunnelStep.AUTHORIZATION_COMPLETED;
            case CANCELLED -> FunnelStep.AUTHORIZATION_CANCELLED;
            default -> FunnelStep.AUTHORIZATION_FAILED;
        };
    }

    private Result settle(Callback callback, String browserSecret) {
        if (callback.state() == null || callback.state().isBlank()) {
            return Result.of(Outcome.INVALID_STATE);
        }
        String stateHash = Hashes.sha256Hex(callback.state());
        // Claim the attempt first, in its own transaction: a replayed state finds it used and stops here.
        Claim claim = QuarkusTransaction.requiringNew().call(() -> claim(stateHash, browserSecret));
        if (claim.outcome() != null) {
            return Result.of(claim.outcome());
        }
        Connection connection = claim.connection();
        boolean reconnect = claim.reconnect();
        Optional<Platform> platform = catalog.find(connection.platformKey);
        if (platform.isEmpty()) {
            discard(connection.id, reconnect);
            return new Result(Outcome.PROVIDER_ERROR, Optional.of(connection), platform, reconnect);
        }
        Optional<String> shop = shopOf(platform.get(), connection);
        Connector connector = connectors.forPlatform(platform.get(), shop);
        Result failed = new Result(Outcome.PROVIDER_ERROR, Optional.of(connection), platform, reconnect);
        Optional<Outcome> mixUp = issuerProblem(connector, callback.iss());
        if (mixUp.isPresent()) {
            Log.warnf(
                    "Callback for connection %d (%s) refused before any token request: %s (iss %s)",
                    connection.id, connection.platformKey, mixUp.get(), LogText.clean(callback.iss()));
            discard(connection.id, reconnect);
            return new Result(mixUp.get(), Optional.of(connection), platform, reconnect);
        }
        if (callback.error() != null) {
            discard(connection.id, reconnect);
            return "access_denied".equals(callback.error())
                    ? new Result(Outcome.CANCELLED, Optional.of(connection), platform, reconnect)
                    : failed;
        }
        if (callback.code() == null || callback.code().isBlank()) {
            discard(connection.id, reconnect);
            return failed;
        }
        // A provider that signs its callback (Shopify's hmac) and names the shop must have signed it, for that shop.
        if (!connector.callbackSignatureValid(callback.parameters())
                || shop.filter(s -> !fromShop(platform.get(), s, callback)).isPresent()) {
            Log.warnf(
                    "Callback for connection %d (%s) refused before any token request: bad signature or another shop",
                    connection.id, connection.platformKey);
            discard(connection.id, reconnect);
            return new Result(Outcome.ISSUER_MISMATCH, Optional.of(connection), platform, reconnect);
        }
        // A provider that names the granted account on the callback (QuickBooks' realmId) must name a usable one.
        Optional<String> accountParameter =
                connectors.isSandbox(platform.get()) ? Optional.empty() : connectors.accountParameter(platform.get());
        Optional<String> namedAccount = shop.isPresent()
                ? shop
                : accountParameter.map(name -> callback.parameters().get(name));
        if (accountParameter.isPresent()
                && namedAccount.filter(a -> ACCOUNT_ID.matcher(a).matches()).isEmpty()) {
            Log.warnf(
                    "Callback for connection %d (%s) refused before any token request: no valid %s",
                    connection.id, connection.platformKey, accountParameter.get());
            discard(connection.id, reconnect);
            return failed;
        }
        try {
            TokenSet tokens = connector.exchangeCode(callback.code(), claim.verifier());
            Accounts accounts = grantedAccounts(connector, platform.get(), tokens, namedAccount);
            if (accounts.none()) {
                Log.warnf("Connection %d (%s) granted no readable account", connection.id, connection.platformKey);
                revokeQuietly(connector, tokens);
                discard(connection.id, reconnect);
                return new Result(Outcome.NO_ACCOUNT, Optional.of(connection), platform, reconnect);
            }
            Linking linking =
                    QuarkusTransaction.requiringNew().call(() -> link(connection.id, tokens, claim, accounts));
            if (linking.connection().isEmpty()) {
                // Nothing may hold the new grant (deleted meanwhile, or refused by a rule): revoke it.
                revokeQuietly(connector, tokens);
                if (linking.refusal().isEmpty()) {
                    return Result.of(Outcome.INVALID_STATE);
                }
                discard(connection.id, reconnect);
                return new Result(linking.refusal().get(), Optional.of(connection), platform, reconnect);
            }
            linkedEvents.fire(new ConnectionLinked(connection.id));
            return new Result(Outcome.LINKED, linking.connection(), platform, reconnect, accounts.toChoose());
        } catch (ConnectorException e) {
            Log.warnf(
                    "Token exchange for connection %d (%s) failed: %s",
                    connection.id, connection.platformKey, LogText.clean(e.getMessage()));
            discard(connection.id, reconnect);
            return new Result(
                    e.reason() == ConnectorException.Reason.UNREACHABLE ? Outcome.UNREACHABLE : Outcome.PROVIDER_ERROR,
                    Optional.of(connection),
                    platform,
                    reconnect);
        }
    }

    /**
     * The account the grant is for: the one the callback named, or the ones a post-connect step finds (Xero's
     * organisations, asked here, outside any transaction). Its failure revokes the new tokens before it is reported.
     */
    private Accounts grantedAccounts(
            Connector connector, Platform platform, TokenSet tokens, Optional<String> namedAccount)
            throws ConnectorException {
        try {
            return afterConnect
                    .grantedAccounts(platform, tokens.accessToken())
                    .map(Accounts::new)
                    .orElseGet(() -> new Accounts(
                            namedAccount
                                    .map(id -> List.of(new ProviderAccount(id, null)))
                                    .orElse(List.of()),
                            namedAccount.isEmpty()));
        } catch (ConnectorException e) {
            revokeQuietly(connector, tokens);
            throw e;
        }
    }

    /** The accounts a grant covers; {@code unnamed} when the platform names none (most: one grant, one account). */
    private record Accounts(List<ProviderAccount> granted, boolean unnamed) {

        Accounts(List<ProviderAccount> granted) {
            this(granted, false);
        }

        boolean none() {
            return granted.isEmpty() && !unnamed;
        }

        Optional<ProviderAccount> single() {
            return granted.size() == 1 ? Optional.of(granted.get(0)) : Optional.empty();
        }

        boolean toChoose() {
            return granted.size() > 1;
        }
    }

    /** The shop a connection to a per-shop platform (Shopify) is for, as the business gave it; empty elsewhere. */
    private Optional<String> shopOf(Platform platform, Connection connection) {
        return connectors.shopHost(platform).flatMap(host -> Optional.ofNullable(connection.providerAccountId));
    }

    /** Shopify names the shop on its callback as {@code <shop>.myshopify.com}: it must be the one asked. */
    private boolean fromShop(Platform platform, String shop, Callback callback) {
        String named = callback.parameters().get("shop");
        return connectors
                .shopHost(platform)
                .map(host -> (shop + "." + host).equals(named))
                .orElse(false);
    }

    /** RFC 9207: a named issuer must be the provider's; one that always names itself must not stay silent. */
    private static Optional<Outcome> issuerProblem(Connector connector, String iss) {
        if (iss == null) {
            return connector.issParameterSupported() ? Optional.of(Outcome.ISSUER_MISSING) : Optional.empty();
        }
        return connector.issuer().filter(issuer -> !issuer.equals(iss)).map(issuer -> Outcome.ISSUER_MISMATCH);
    }

    private record Claim(Outcome outcome, Connection connection, String verifier, boolean reconnect, String startedBy) {
        static Claim failed(Outcome outcome) {
            return new Claim(outcome, null, null, false, null);
        }
    }

    private Claim claim(String stateHash, String browserSecret) {
        AuthorizationAttempt attempt =
                AuthorizationAttempt.find("stateHash", stateHash).firstResult();
        if (attempt == null) {
            return Claim.failed(Outcome.INVALID_STATE);
        }
        if (attempt.usedAt != null) {
            return Claim.failed(Outcome.INVALID_STATE);
        }
        if (browserSecret == null || !Hashes.sha256Hex(browserSecret).equals(attempt.browserHash)) {
            return Claim.failed(Outcome.FOREIGN_STATE);
        }
        attempt.usedAt = Instant.now();
        if (attempt.expiresAt.isBefore(attempt.usedAt)) {
            return Claim.failed(Outcome.EXPIRED_STATE);
        }
        Connection connection = Connection.findById(attempt.connectionId);
        String verifier = cipher.decrypt(attempt.codeVerifierEncrypted, "attempt:" + attempt.stateHash);
        return new Claim(null, connection, verifier, attempt.reconnect, attempt.startedBy);
    }

    /** The linked connection, or none: deleted meanwhile, or refused by a rule checked at the moment of linking. */
    private record Linking(Optional<Connection> connection, Optional<Outcome> refusal) {
        static Linking refused(Outcome outcome) {
            return new Linking(Optional.empty(), Optional.of(outcome));
        }
    }

    private Linking link(long connectionId, TokenSet tokens, Claim claim, Accounts accounts) {
        Connection connection = Connection.findById(connectionId);
        if (connection == null) {
            return new Linking(Optional.empty(), Optional.empty());
        }
        // Locking the company row serialises its links: two accounting platforms can never both win.
        Company.findById(connection.companyId, LockModeType.PESSIMISTIC_WRITE);
        boolean viaShareLink = connection.shareLinkId != null && !claim.reconnect();
        if (viaShareLink && !shareLinks.usable(connection.shareLinkId)) {
            return Linking.refused(Outcome.SHARE_LINK_USED);
        }
        if (Connection.blockingLink(connection.companyId, connection.category, Optional.of(connection.id))
                .isPresent()) {
            return Linking.refused(Outcome.ACCOUNTING_ALREADY_LINKED);
        }
        // A share link is used by the connection it makes, not by a colleague who pressed Deny or gave up.
        if (viaShareLink && !shareLinks.use(connection.shareLinkId, connection.connectedBy)) {
            return Linking.refused(Outcome.SHARE_LINK_USED);
        }
        // A new authorization replaces whatever tokens an earlier one left behind.
        connectionTokens.forget(connection);
        connectionTokens.store(connection, tokens);
        connection.providerAccountId =
                accounts.single().map(ProviderAccount::id).orElse(null);
        connection.providerAccountName =
                accounts.single().map(ProviderAccount::name).orElse(null);
        // Several accounts: kept for the business to pick one on the organisation page.
        ProviderAccountChoice.delete("connectionId", connection.id);
        if (accounts.toChoose()) {
            Instant now = Instant.now();
            for (ProviderAccount granted : accounts.granted()) {
                ProviderAccountChoice choice = new ProviderAccountChoice();
                choice.connectionId = connection.id;
                choice.companyId = connection.companyId;
                choice.accountId = granted.id();
                choice.accountName = granted.name();
                choice.createdAt = now;
                choice.persist();
            }
        }
        connection.status = ConnectionStatus.LINKED;
        connection.linkedAt = Instant.now();
        if (claim.reconnect()) {
            connection.connectedBy = claim.startedBy();
            connection.shareLinkId = null;
            catalog.find(connection.platformKey).ifPresent(p -> connection.sandbox = connectors.isSandbox(p));
            audit.record(
                    connection.companyId,
                    connection.id,
                    connection.platformKey,
                    AuditType.RECONNECTED,
                    claim.startedBy(),
                    null);
        } else {
            audit.record(
                    connection.companyId,
                    connection.id,
                    connection.platformKey,
                    AuditType.CONNECTED,
                    connection.shareLinkId != null
                            ? AuditTrail.shareLinkActor(connection.connectedBy)
                            : connection.connectedBy,
                    null);
        }
        // The one place a connection becomes LINKED (pages, share link, reconnect): told once, with this commit.
        changes.fire(ConnectionChanged.of(connection, ConnectionChanged.Change.LINKED));
        return new Linking(Optional.of(connection), Optional.empty());
    }

    private static void revokeQuietly(Connector connector, TokenSet tokens) {
        try {
            if (tokens.refreshToken().isPresent()) {
                connector.revoke(tokens.refreshToken().get(), Connector.TokenKind.REFRESH_TOKEN);
            }
            connector.revoke(tokens.accessToken(), Connector.TokenKind.ACCESS_TOKEN);
        } catch (ConnectorException e) {
            Log.warnf(
                    "Could not revoke the tokens of a connection deleted during its reconnect: %s",
                    LogText.clean(e.getMessage()));
        }
    }

    /**
     * A connection that never got linked is removed, so a cancelled or failed attempt leaves nothing behind.
     * A reconnect's connection stays exactly as it was.
     */
    private void discard(long connectionId, boolean reconnect) {
        if (reconnect) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Connection connection = Connection.findById(connectionId);
            if (connection != null && connection.linkedAt == null) {
                AuthorizationAttempt.delete("connectionId", connectionId);
                connection.delete();
            }
        });
    }
}
