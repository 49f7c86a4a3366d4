package io.connectionportal.sandbox;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;
import io.connectionportal.sandbox.TokenOutcome.Issued;
import io.connectionportal.sandbox.TokenOutcome.Refused;

/**
 * The token (RFC 6749 §3.2) and revocation (RFC 7009) endpoints of every platform's sandbox.
 * They are plain Vert.x routes, not REST resources: they are called machine to machine with client
 * credentials, and the portal's CSRF filter, which guards every form POST to a REST resource, would
 * otherwise reject them.
 */
@ApplicationScoped
class SandboxTokenRoutes {

    static final String TOKEN = "/sandbox/:platform/oauth/token";
    static final String REVOKE = "/sandbox/:platform/oauth/revoke";

    private final PlatformCatalog catalog;
    private final SandboxClient client;
    private final SandboxAuthorizations authorizations;
    private final SandboxTokens tokens;
    private final SandboxFaults faults;
    private final ObjectMapper json;

    SandboxTokenRoutes(
            PlatformCatalog catalog,
            SandboxClient client,
            SandboxAuthorizations authorizations,
            SandboxTokens tokens,
            SandboxFaults faults,
            ObjectMapper json) {
        this.catalog = catalog;
        this.client = client;
        this.authorizations = authorizations;
        this.tokens = tokens;
        this.faults = faults;
        this.json = json;
    }

    void register(@Observes Router router) {
        // No file uploads: a form this small never needs a temporary file.
        BodyHandler body = BodyHandler.create(false).setBodyLimit(16 * 1024).setMergeFormAttributes(false);
        router.post(TOKEN).handler(body).blockingHandler(context -> guarded(context, false, this::token), false);
        router.post(REVOKE).handler(body).blockingHandler(context -> guarded(context, true, this::revoke), false);
        router.route(TOKEN).handler(this::methodNotAllowed);
        router.route(REVOKE).handler(this::methodNotAllowed);
    }

    void token(RoutingContext context, Platform platform, MultiMap form) {
        Optional<String> clientId = ClientAuthentication.authenticate(context.request(), form, client);
        if (clientId.isEmpty()) {
            invalidClient(context);
            return;
        }
        String grantType = form.get("grant_type");
        TokenOutcome outcome;
        if (grantType == null || grantType.isBlank()) {
            outcome = TokenOutcome.invalidRequest("grant_type is required");
        } else if (grantType.equals("authorization_code")) {
            outcome = authorizations.redeem(
                    platform, clientId.get(), form.get("code"), form.get("redirect_uri"), form.get("code_verifier"));
        } else if (grantType.equals("refresh_token")) {
            outcome = tokens.refresh(platform, clientId.get(), form.get("refresh_token"), form.get("scope"));
        } else {
            outcome = new Refused("unsupported_grant_type", "Use authorization_code or refresh_token");
        }
        if (outcome instanceof Issued issued) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", issued.accessToken());
            body.put("token_type", "Bearer");
            body.put("expires_in", issued.expiresIn());
            if (issued.refreshToken() != null) {
                body.put("refresh_token", issued.refreshToken());
            }
            body.put("scope", issued.scope());
            send(context, 200, body);
        } else if (outcome instanceof Refused refused) {
            error(context, 400, refused.error(), refused.description());
        }
    }

    void revoke(RoutingContext context, Platform platform, MultiMap form) {
        Optional<String> clientId = ClientAuthentication.authenticate(context.request(), form, client);
        if (clientId.isEmpty()) {
            invalidClient(context);
            return;
        }
        String token = form.get("token");
        if (token == null || token.isBlank()) {
            error(context, 400, "invalid_request", "token is required");
            return;
        }
        // token_type_hint only speeds up a lookup; one lookup finds either kind here, so it is not needed.
        tokens.revoke(platform, clientId.get(), token);
        noStore(context).setStatusCode(200).end();
    }

    private interface Endpoint {
        void handle(RoutingContext context, Platform platform, MultiMap form);
    }

    /** Checks common to both endpoints, then the endpoint; an unexpected failure is a JSON server_error. */
    private void guarded(RoutingContext context, boolean revocation, Endpoint endpoint) {
        try {
            Optional<Platform> platform = catalog.find(context.pathParam("platform"));
            if (platform.isEmpty()) {
                error(context, 404, "invalid_request", "No sandbox for this platform");
                return;
            }
            if (revocation && faults.revocationFails()) {
                context.response().putHeader("Retry-After", "1");
                error(context, 503, "temporarily_unavailable", "Simulated outage");
                return;
            }
            String type = context.request().getHeader("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                error(context, 400, "invalid_request", "Send the parameters as application/x-www-form-urlencoded");
                return;
            }
            MultiMap form = context.request().formAttributes();
            for (String name : form.names()) {
                if (form.getAll(name).size() > 1) {
                    // RFC 6749 §3.2: parameters must not be included more than once.
                    error(context, 400, "invalid_request", "Repeated parameter: " + name);
                    return;
                }
            }
            endpoint.handle(context, platform.get(), form);
        } catch (RuntimeException e) {
            Log.error("The sandbox token or revocation endpoint failed", e);
            if (!context.response().ended()) {
                error(context, 500, "server_error", "Unexpected error");
            }
        }
    }

    private void invalidClient(RoutingContext context) {
        context.response().putHeader("WWW-Authenticate", "Basic realm=\"sandbox\"");
        error(context, 401, "invalid_client", "Client authentication failed");
    }

    private void methodNotAllowed(RoutingContext context) {
        context.response().putHeader("Allow", "POST");
        error(context, 405, "invalid_request", "Use POST");
    }

    private void error(RoutingContext context, int status, String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        send(context, status, body);
    }

    private void send(RoutingContext context, int status, Map<String, Object> body) {
        try {
            noStore(context)
                    .setStatusCode(status)
                    .putHeader("Content-Type", "application/json;charset=UTF-8")
                    .end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings and numbers is always serialisable", e);
        }
    }

    /** Token responses must never be cached (RFC 6749 §5.1). */
    private static HttpServerResponse noStore(RoutingContext context) {
        return context.response().putHeader("Cache-Control", "no-store").putHeader("Pragma", "no-cache");
    }
}
