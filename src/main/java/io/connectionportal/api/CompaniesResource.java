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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/companies}: create a company for a customer, find it by its external reference, read it. It also
 * declares the bearer scheme of the OpenAPI document (SmallRye reads it from a resource class, not a plain one).
 */
@SecurityScheme(
        securitySchemeName = ApiDocument.BEARER,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        description = "An API key, e.g. cp_live_…, made in the back office or by portal.api.bootstrap-key")
@SecurityRequirement(name = ApiDocument.BEARER)
@Path("/api/v1/companies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Companies")
@APIResponse(
        responseCode = "401",
        description = "No API key, or an unknown or revoked one",
        content =
                @Content(
                        mediaType = Problem.MEDIA_TYPE,
                        schema = @Schema(implementation = Problem.class),
                        examples = @ExampleObject(name = "unauthorized", value = ApiDocument.UNAUTHORIZED_EXAMPLE)))
class CompaniesResource {

    private static final String COMPANY_EXAMPLE = "{\"id\":42,\"name\":\"Boulangerie Martin\",\"externalRef\":"
            + "\"cust_8812\",\"country\":\"FR\",\"language\":\"fr\",\"createdAt\":\"2026-11-30T20:33:00Z\"}";

    private final ApiCompanies companies;
    private final Idempotency idempotency;
    private final ApiCaller caller;

    CompaniesResource(ApiCompanies companies, Idempotency idempotency, ApiCaller caller) {
        this.companies = companies;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a company",
            description = "Creates the company of one of your customers, before it has any user: send it through the"
                    + " portal afterwards. externalRef (optional, at most 100 characters) is your own reference and"
                    + " must be unique; country is an ISO 3166-1 alpha-2 code; language is en or fr. Unknown fields"
                    + " are refused. With an Idempotency-Key header, a retry within 24 hours gets the first"
                    + " response (marked Idempotent-Replayed: true) and creates nothing.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = NewCompany.class),
                            examples =
                                    @ExampleObject(
                                            name = "company",
                                            value = "{\"name\":\"Boulangerie Martin\",\"externalRef\":\"cust_8812\","
                                                    + "\"country\":\"FR\",\"language\":\"fr\"}")))
    @APIResponse(
            responseCode = "201",
            description = "Created; Location is the company's address",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CompanyView.class),
                            examples = @ExampleObject(name = "created", value = COMPANY_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body or Idempotency-Key; each bad field is named in errors",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "invalid", value = ApiDocument.INVALID_EXAMPLE)))
    @APIResponse(
            responseCode = "409",
            description = "A company with this externalRef exists, or a request with this Idempotency-Key is"
                    + " still running",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples =
                                    @ExampleObject(
                                            name = "duplicate",
                                            value =
                                                    "{\"type\":\"urn:connection-portal:problem:duplicate-external-ref\","
                                                            + "\"title\":\"External reference already used\",\"status\":409,\"detail\":"
                                                            + "\"A company with this externalRef already exists.\"}")))
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
    public Response create(
            @Parameter(
                            description = "Any unique value (a UUID) to make retries safe; 1 to 255 visible ASCII"
                                    + " characters, kept 24 hours",
                            example = "5f0c3a9e-1b7d-4e0a-9a57-3c1d2b8e6f10")
                    @HeaderParam(Idempotency.HEADER)
                    String idempotencyKey,
            String body) {
        NewCompany input = NewCompany.parse(body);
        return idempotency.run(
                caller.keyId(),
                idempotencyKey,
                "POST /api/v1/companies\n" + input.canonical(),
                () -> companies.create(input));
    }

    @GET
    @Operation(
            summary = "List companies, or find one by externalRef",
            description = "Companies oldest first, limit at a time (1 to 100, default 20). Pass the next value of a"
                    + " page as cursor to get the following page; next is null on the last page. With externalRef,"
                    + " the list holds the one company with that reference, or none.")
    @APIResponse(
            responseCode = "200",
            description = "A page of companies",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CompanyPage.class),
                            examples =
                                    @ExampleObject(
                                            name = "page",
                                            value = "{\"data\":[" + COMPANY_EXAMPLE + "],\"next\":\"YWZ0ZXI6NDI\"}")))
    @APIResponse(
            responseCode = "400",
            description = "A bad limit or cursor",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "invalid", value = ApiDocument.INVALID_EXAMPLE)))
    public Response list(
            @Parameter(description = "Your reference of the company", example = "cust_8812") @QueryParam("externalRef")
                    String externalRef,
            @Parameter(
                            description = "Companies per page, 1 to 100",
                            example = "20",
                            schema = @Schema(type = SchemaType.INTEGER))
                    @QueryParam("limit")
                    String limit,
            @Parameter(description = "The next value of the previous page") @QueryParam("cursor") String cursor) {
        Page<CompanyView> page = companies.page(externalRef, Page.after(cursor), Page.limit(limit));
        return ok(page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a company", description = "The company with this id, as it was created.")
    @APIResponse(
            responseCode = "200",
            description = "The company",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CompanyView.class),
                            examples = @ExampleObject(name = "company", value = COMPANY_EXAMPLE)))
    @APIResponse(
            responseCode = "404",
            description = "No company with this id",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "notFound", value = ApiDocument.NOT_FOUND_EXAMPLE)))
    public Response get(
            @Parameter(description = "The company's id", example = "42", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("id")
                    String id) {
        return ok(companies.find(Ids.parse(id)).orElseThrow(() -> Ids.noCompany()));
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete a company",
            description = "Erases the company as its owner's own account deletion does: every connection is revoked at"
                    + " its provider (a provider that does not answer is retried in the background) and deleted,"
                    + " its users, data, uploads and support requests are erased, and only pseudonymised consent and"
                    + " audit tombstones are kept for the proof period. Its externalRef is free again. Irreversible.")
    @APIResponse(responseCode = "204", description = "Erased")
    @APIResponse(
            responseCode = "404",
            description = "No company with this id, or already erased",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "notFound", value = ApiDocument.NOT_FOUND_EXAMPLE)))
    public Response delete(
            @Parameter(description = "The company's id", example = "42", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("id")
                    String id) {
        if (!companies.delete(Ids.parse(id), caller.actor())) {
            throw Ids.noCompany();
        }
        return Response.noContent().build();
    }

    static Response ok(Object body) {
        return Response.ok(Json.write(body), MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    /** For the document only: the shape of a page of companies. */
    @Schema(name = "CompanyPage")
    record CompanyPage(
            java.util.List<CompanyView> data,
            @Schema(nullable = true) String next) {}
}
