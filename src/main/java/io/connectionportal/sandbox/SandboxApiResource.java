package io.connectionportal.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import io.connectionportal.platforms.DataType;
import io.connectionportal.platforms.Platform;
import io.connectionportal.platforms.PlatformCatalog;

/**
 * The sandbox's data API: {@code GET /sandbox/{platform}/api/{resource}} with a Bearer access token
 * (RFC 6750). A resource is served only when the platform offers its data type and the token's
 * scopes include it. Answers {@code {"data": ...}}.
 */
@Path("/sandbox/{platform}/api")
class SandboxApiResource {

    /** Endpoint names, as a provider's API would spell them, and the data type each serves. */
    static final Map<String, DataType> RESOURCES = Map.of(
            "company", DataType.COMPANY_INFO,
            "accounts", DataType.CHART_OF_ACCOUNTS,
            "invoices", DataType.INVOICES,
            "bills", DataType.BILLS,
            "financial-statements", DataType.FINANCIAL_STATEMENTS,
            "bank-accounts", DataType.BANK_ACCOUNTS,
            "bank-transactions", DataType.BANK_TRANSACTIONS,
            "orders", DataType.ORDERS,
            "payouts", DataType.PAYOUTS,
            "customers", DataType.CUSTOMERS);

    private final PlatformCatalog catalog;
    private final SandboxTokens tokens;

    SandboxApiResource(PlatformCatalog catalog, SandboxTokens tokens) {
        this.catalog = catalog;
        this.tokens = tokens;
    }

    @GET
    @Path("{resource}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response read(
            @RestPath String platform,
            @RestPath String resource,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Optional<Platform> known = catalog.find(platform);
        DataType type = RESOURCES.get(resource);
        if (known.isEmpty() || type == null) {
            return error(Response.Status.NOT_FOUND, "not_found", "No such sandbox resource")
                    .build();
        }
        Optional<SandboxTokens.Access> access =
                bearer(authorization).flatMap(token -> tokens.access(known.get(), token));
        if (access.isEmpty()) {
            return error(
                            Response.Status.UNAUTHORIZED,
                            "invalid_token",
                            "The access token is missing, expired or revoked")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .build();
        }
        if (!known.get().reads().contains(type) || !access.get().scopes().contains(Scopes.read(type))) {
            return error(Response.Status.FORBIDDEN, "insufficient_scope", "This token may not read " + resource)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"")
                    .build();
        }
        SandboxData data = access.get()
                .account()
                .map(account -> new SandboxData(known.get(), account))
                .orElseGet(() -> new SandboxData(
                        known.get(), access.get().grantId(), access.get().grantedAt()));
        return Response.ok(Map.of("data", data.read(type)))
                .header("Cache-Control", "no-store")
                .build();
    }

    /** The token of an {@code Authorization: Bearer <token>} header; the scheme is case-insensitive. */
    private static Optional<String> bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static Response.ResponseBuilder error(Response.Status status, String error, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .header("Cache-Control", "no-store");
    }
}
