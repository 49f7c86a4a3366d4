package io.connectionportal.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/companies/{id}/connections}: what a company connected, read-only. */
@SecurityRequirement(name = ApiDocument.BEARER)
@Path("/api/v1/companies/{id}/connections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections")
@APIResponse(
        responseCode = "401",
        description = "No API key, or an unknown or revoked one",
        content =
                @Content(
                        mediaType = Problem.MEDIA_TYPE,
                        schema = @Schema(implementation = Problem.class),
                        examples = @ExampleObject(name = "unauthorized", value = ApiDocument.UNAUTHORIZED_EXAMPLE)))
@APIResponse(
        responseCode = "404",
        description = "No company with this id, or no such connection of it",
        content =
                @Content(
                        mediaType = Problem.MEDIA_TYPE,
                        schema = @Schema(implementation = Problem.class),
                        examples = @ExampleObject(name = "notFound", value = ApiDocument.NOT_FOUND_EXAMPLE)))
class ConnectionsResource {

    private static final String CONNECTION_EXAMPLE = "{\"id\":7,\"platform\":\"xero\",\"category\":\"accounting\","
            + "\"status\":\"LINKED\",\"linkedAt\":\"2026-11-30T20:33:00Z\",\"lastSyncAt\":\"2026-11-30T20:34:10Z\","
            + "\"sandbox\":true}";

    private final ApiConnections connections;

    ConnectionsResource(ApiConnections connections) {
        this.connections = connections;
    }

    @GET
    @Operation(
            summary = "List a company's connections",
            description = "The company's connections, oldest first, in pages of limit (1 to 100, default 20) with"
                    + " the next cursor: platform, category, status, when it was linked and last synced, and"
                    + " whether it goes through the sandbox. Never a token.")
    @APIResponse(
            responseCode = "200",
            description = "A page of connections",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConnectionPage.class),
                            examples =
                                    @ExampleObject(
                                            name = "page",
                                            value = "{\"data\":[" + CONNECTION_EXAMPLE + "],\"next\":null}")))
    @APIResponse(
            responseCode = "400",
            description = "A bad limit or cursor",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "invalid", value = ApiDocument.INVALID_EXAMPLE)))
    public Response list(
            @Parameter(description = "The company's id", example = "42", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("id")
                    String id,
            @Parameter(
                            description = "Connections per page, 1 to 100",
                            example = "20",
                            schema = @Schema(type = SchemaType.INTEGER))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "The next value of the previous page") @QueryParam("cursor") String cursor) {
        long companyId = Ids.parse(id);
        return CompaniesResource.ok(connections.page(companyId, Page.after(cursor), Page.limit(limit)));
    }

    @GET
    @Path("/{connectionId}")
    @Operation(
            summary = "Read one connection",
            description = "One connection of the company; another company's connection id is not found.")
    @APIResponse(
            responseCode = "200",
            description = "The connection",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConnectionView.class),
                            examples = @ExampleObject(name = "connection", value = CONNECTION_EXAMPLE)))
    public Response get(
            @Parameter(description = "The company's id", example = "42", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("id")
                    String id,
            @Parameter(description = "The connection's id", example = "7", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("connectionId")
                    String connectionId) {
        long companyId = Ids.parse(id);
        long connection = Ids.parseOr(connectionId, Ids::noConnection);
        return CompaniesResource.ok(connections.find(companyId, connection).orElseThrow(Ids::noConnection));
    }

    /** For the document only: the shape of a page of connections. */
    @Schema(name = "ConnectionPage")
    record ConnectionPage(
            java.util.List<ConnectionView> data,
            @Schema(nullable = true) String next) {}
}
