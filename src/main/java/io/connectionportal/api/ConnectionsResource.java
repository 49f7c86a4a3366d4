package io.connectionportal.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

/**
 * {@code /api/v1/companies/{id}/connections}: what a company connected; refresh, deauthorize or delete one; read its
 * synced records and its sync history. One class for the whole path, so no two resources share a path prefix.
 */
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

    private static final String NOT_LINKED_EXAMPLE =
            "{\"type\":\"urn:connection-portal:problem:connection-not-linked\","
                    + "\"title\":\"Connection not linked\",\"status\":409,\"detail\":\"This connection is DEAUTHORIZED; only a"
                    + " LINKED connection is synced. The business reconnects it from its connection page, or through a new"
                    + " link.\"}";

    private static final String UNKNOWN_TYPE_EXAMPLE = "{\"type\":\"urn:connection-portal:problem:unknown-data-type\","
            + "\"title\":\"Unknown data type\",\"status\":404,\"detail\":\"No data type with this name; the data types"
            + " are company_info, chart_of_accounts, invoices, bills, financial_statements, bank_accounts,"
            + " bank_transactions, orders, payouts, customers.\"}";

    private static final String RECORDS_EXAMPLE = "{\"data\":[{\"externalId\":\"inv_3f9a1c0e72b4\","
            + "\"syncedAt\":\"2026-11-30T20:34:10Z\",\"payload\":{\"id\":\"inv_3f9a1c0e72b4\",\"number\":"
            + "\"F-2026-0042\",\"customerName\":\"Café du Marché\",\"issueDate\":\"2026-10-02\",\"dueDate\":"
            + "\"2026-11-01\",\"currency\":\"EUR\",\"netAmount\":1041.67,\"taxAmount\":208.33,\"totalAmount\":"
            + "1250.00,\"amountDue\":0.00,\"status\":\"PAID\",\"paidDate\":\"2026-10-20\"}}],"
            + "\"next\":\"YWZ0ZXI6MTIz\"}";

    private static final String SYNCS_EXAMPLE = "{\"data\":[{\"id\":118,\"trigger\":\"MANUAL\","
            + "\"startedAt\":\"2026-11-30T20:40:01Z\",\"endedAt\":\"2026-11-30T20:40:03Z\",\"outcome\":\"SUCCESS\","
            + "\"error\":null,\"records\":{\"bills\":30,\"invoices\":23}}],\"next\":null}";

    private final ApiConnections connections;
    private final ConnectionOperations operations;
    private final ConnectionData data;
    private final Idempotency idempotency;
    private final ApiCaller caller;

    ConnectionsResource(
            ApiConnections connections,
            ConnectionOperations operations,
            ConnectionData data,
            Idempotency idempotency,
            ApiCaller caller) {
        this.connections = connections;
        this.operations = operations;
        this.data = data;
        this.idempotency = idempotency;
        this.caller = caller;
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

    @POST
    @Path("/{connectionId}/refresh")
    // No body; declared JSON so that shared/FormPostsOnly, which guards the pages' forms, lets the API's POST through.
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Refresh a connection's data",
            description = "Queues a sync of a LINKED connection now, as the business's own Refresh button does, and"
                    + " answers 202 at once with the queued sync; the sync.succeeded or sync.failed webhook tells"
                    + " when it ends, and GET …/syncs shows it. While a sync is already queued or running, that one"
                    + " is returned (alreadyQueued true) and no second one is queued. A connection that is not LINKED"
                    + " (waiting for authorization, needing reauthorization, deauthorized) is a 409. With an"
                    + " Idempotency-Key header, a retry within 24 hours gets the first response (marked"
                    + " Idempotent-Replayed: true) and queues nothing.")
    @APIResponse(
            responseCode = "202",
            description = "Queued, or already queued or running",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = QueuedSyncView.class),
                            examples =
                                    @ExampleObject(
                                            name = "queued",
                                            value = "{\"id\":118,\"connectionId\":7,\"trigger\":\"MANUAL\","
                                                    + "\"status\":\"QUEUED\",\"queuedAt\":\"2026-11-30T20:40:00Z\","
                                                    + "\"alreadyQueued\":false}")))
    @APIResponse(
            responseCode = "400",
            description = "A bad Idempotency-Key",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "invalid", value = ApiDocument.INVALID_EXAMPLE)))
    @APIResponse(
            responseCode = "409",
            description = "The connection is not linked, or a request with this Idempotency-Key is still running",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "notLinked", value = NOT_LINKED_EXAMPLE)))
    @APIResponse(
            responseCode = "422",
            description = "This Idempotency-Key was used with a different request",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "reused",
                                            value =
                                                    "{\"type\":\"urn:connection-portal:problem:idempotency-key-reused\","
                                                            + "\"title\":\"Idempotency-Key reused\",\"status\":422,\"detail\":"
                                                            + "\"This Idempotency-Key was already used with a different request.\"}")))
    public Response refresh(
            @Parameter(description = "The company's id", example = "42", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("id")
                    String id,
            @Parameter(description = "The connection's id", example = "7", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("connectionId")
                    String connectionId,
            @Parameter(
                            description = "Any unique value (a UUID) to make retries safe; 1 to 255 visible ASCII"
                                    + " characters, kept 24 hours",
                            example = "0b6e2f7a-3c1d-4e5f-8a9b-1c2d3e4f5a6b")
                    @HeaderParam(Idempotency.HEADER)
                    String idempotencyKey) {
        long companyId = Ids.parse(id);
        long connection = Ids.parseOr(connectionId, Ids::noConnection);
        return idempotency.run(
                caller.keyId(),
                idempotencyKey,
                "POST /api/v1/companies/" + companyId + "/connections/" + connection + "/refresh",
                () -> operations.refresh(companyId, connection, caller.actor()));
    }

    @DELETE
    @Path("/{connectionId}")
    @Operation(
            summary = "Deauthorize or delete a connection",
            description = "By default deauthorizes, as the business's own Deauthorize button does: the tokens are"
                    + " revoked at the provider (retried in the background when it does not answer), syncs stop, the"
                    + " data synced so far is kept, and the answer is 200 with the connection, now DEAUTHORIZED. Only"
                    + " a LINKED connection changes: any other is returned as it is, so a retry is harmless. With"
                    + " erase=true, deletes instead, as the Delete button does: tokens revoked, the connection and"
                    + " everything synced from it erased, 204. The connection.deauthorized or connection.deleted"
                    + " webhook is sent once, and the business's audit trail names your API key.")
    @APIResponse(
            responseCode = "200",
            description = "Deauthorized: the connection's new state",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ConnectionView.class),
                            examples =
                                    @ExampleObject(
                                            name = "deauthorized",
                                            value = "{\"id\":7,\"platform\":\"xero\",\"category\":\"accounting\","
                                                    + "\"status\":\"DEAUTHORIZED\",\"linkedAt\":\"2026-11-30T20:33:00Z\","
                                                    + "\"lastSyncAt\":\"2026-11-30T20:34:10Z\",\"sandbox\":true}")))
    @APIResponse(responseCode = "204", description = "Deleted (erase=true)")
    @APIResponse(
            responseCode = "400",
            description = "erase is neither true nor false",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "invalid",
                                            value = "{\"type\":\"urn:connection-portal:problem:validation\","
                                                    + "\"title\":\"Invalid request\",\"status\":400,\"detail\":"
                                                    + "\"The request has 1 invalid field.\",\"errors\":[{\"field\":"
                                                    + "\"erase\",\"detail\":\"must be true or false\"}]}")))
    public Response delete(
            @Parameter(description = "The company's id", example = "42", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("id")
                    String id,
            @Parameter(description = "The connection's id", example = "7", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("connectionId")
                    String connectionId,
            @Parameter(
                            description = "true to delete the connection and its data; false (the default) to"
                                    + " deauthorize it and keep the data",
                            example = "false",
                            schema = @Schema(type = SchemaType.BOOLEAN))
                    @QueryParam("erase")
                    String erase) {
        long companyId = Ids.parse(id);
        long connection = Ids.parseOr(connectionId, Ids::noConnection);
        if (erase(erase)) {
            operations.delete(companyId, connection, caller.actor());
            return Response.noContent().build();
        }
        return CompaniesResource.ok(operations.deauthorize(companyId, connection, caller.actor()));
    }

    @GET
    @Path("/{connectionId}/data/{dataType}")
    @Operation(
            summary = "Read a connection's synced records of one data type",
            description = "The records of this type stored by the connection's last syncs, in the order they were"
                    + " first stored, limit at a time (1 to 100, default 20) with the next cursor (null on the last"
                    + " page). Each record has the provider's id for it (externalId), when it was last synced, and its"
                    + " JSON as the provider sent it (payload). dataType is one of company_info, chart_of_accounts,"
                    + " invoices, bills, financial_statements, bank_accounts, bank_transactions, orders, payouts,"
                    + " customers; a name the portal does not know, or a type the connection's platform does not"
                    + " offer, is a 404 naming the types that exist. A type the platform offers but no sync has"
                    + " stored yet is an empty page. A successful sync replaces the records of each type it fetched:"
                    + " if one ends during a walk, the following pages hold the new copy from its start (syncedAt"
                    + " changes), so start again from the first page when syncedAt changes. The data of a"
                    + " deauthorized connection stays readable until it is deleted. Every page served is recorded"
                    + " with your API key's name and shown"
                    + " to the business on its dashboard and connection page, and in its export.")
    @APIResponse(
            responseCode = "200",
            description = "A page of records",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RecordPage.class),
                            examples = @ExampleObject(name = "page", value = RECORDS_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "A bad limit or cursor",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "invalid", value = ApiDocument.INVALID_EXAMPLE)))
    @APIResponse(
            responseCode = "404",
            description = "No company with this id, no such connection of it, or no such data type for its platform",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "unknownDataType", value = UNKNOWN_TYPE_EXAMPLE)))
    public Response records(
            @Parameter(description = "The company's id", example = "42", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("id")
                    String id,
            @Parameter(description = "The connection's id", example = "7", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("connectionId")
                    String connectionId,
            @Parameter(description = "The data type", example = "invoices") @PathParam("dataType") String dataType,
            @Parameter(
                            description = "Records per page, 1 to 100",
                            example = "20",
                            schema = @Schema(type = SchemaType.INTEGER))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "The next value of the previous page") @QueryParam("cursor") String cursor) {
        long companyId = Ids.parse(id);
        long connection = Ids.parseOr(connectionId, Ids::noConnection);
        return CompaniesResource.ok(data.records(companyId, connection, dataType, limit, cursor, caller.keyName()));
    }

    @GET
    @Path("/{connectionId}/syncs")
    @Operation(
            summary = "Read a connection's sync history",
            description = "The connection's finished syncs, newest first, limit at a time (1 to 100, default 20) with"
                    + " the next cursor (null on the last page): what started each (INITIAL after linking, MANUAL for"
                    + " a refresh, SCHEDULED), when it started and ended, its outcome, why it failed, and how many"
                    + " records of each data type it fetched. A sync still queued or running is not in the history"
                    + " yet.")
    @APIResponse(
            responseCode = "200",
            description = "A page of syncs",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SyncPage.class),
                            examples = @ExampleObject(name = "page", value = SYNCS_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "A bad limit or cursor",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "invalid", value = ApiDocument.INVALID_EXAMPLE)))
    public Response syncs(
            @Parameter(description = "The company's id", example = "42", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("id")
                    String id,
            @Parameter(description = "The connection's id", example = "7", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("connectionId")
                    String connectionId,
            @Parameter(
                            description = "Syncs per page, 1 to 100",
                            example = "20",
                            schema = @Schema(type = SchemaType.INTEGER))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "The next value of the previous page") @QueryParam("cursor") String cursor) {
        long companyId = Ids.parse(id);
        long connection = Ids.parseOr(connectionId, Ids::noConnection);
        return CompaniesResource.ok(data.syncs(companyId, connection, limit, cursor));
    }

    private static boolean erase(String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new ProblemException(
                Problem.invalid(java.util.List.of(new Problem.FieldError("erase", "must be true or false"))));
    }

    /** For the document only: the shape of a page of connections. */
    @Schema(name = "ConnectionPage")
    record ConnectionPage(
            java.util.List<ConnectionView> data,
            @Schema(nullable = true) String next) {}

    /** For the document only: the shape of a page of records. */
    @Schema(name = "RecordPage")
    record RecordPage(
            java.util.List<RecordView> data,
            @Schema(nullable = true) String next) {}

    /** For the document only: the shape of a page of syncs. */
    @Schema(name = "SyncPage")
    record SyncPage(
            java.util.List<SyncView> data,
            @Schema(nullable = true) String next) {}
}
