package io.connectionportal.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/companies/{id}/links}: hosted links that send a company through the journey and back (I2, I3). */
@SecurityRequirement(name = ApiDocument.BEARER)
@Path("/api/v1/companies/{id}/links")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Hosted links")
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
        description = "No company with this id, or no such link of it",
        content =
                @Content(
                        mediaType = Problem.MEDIA_TYPE,
                        schema = @Schema(implementation = Problem.class),
                        examples = @ExampleObject(name = "notFound", value = ApiDocument.NOT_FOUND_EXAMPLE)))
class LinksResource {

    static final String CREATED_EXAMPLE = "{\"id\":15,\"companyId\":42,"
            + "\"url\":\"https://connect.lender.example/link/pRq3x9V0tYk2mZ8s1wA4bC6dE7fG5hJ-uL0nO2iK3jQ\","
            + "\"redirectUrl\":\"https://app.lender.example/connected\",\"categories\":[\"accounting\"],"
            + "\"expiresAt\":\"2026-12-07T20:33:00Z\",\"status\":\"created\"}";
    static final String READ_EXAMPLE = "{\"id\":15,\"companyId\":42,"
            + "\"redirectUrl\":\"https://app.lender.example/connected\",\"categories\":[\"accounting\"],"
            + "\"expiresAt\":\"2026-12-07T20:33:00Z\",\"status\":\"linked\",\"connectionId\":7}";
    static final String OFF_LIST_EXAMPLE = "{\"type\":\"urn:connection-portal:problem:validation\","
            + "\"title\":\"Invalid request\",\"status\":400,\"detail\":\"The request has 1 invalid field.\","
            + "\"errors\":[{\"field\":\"redirectUrl\",\"detail\":\"" + ApiLinks.OFF_THE_LIST + "\"}]}";

    private final ApiLinks links;
    private final Idempotency idempotency;
    private final ApiCaller caller;

    LinksResource(ApiLinks links, Idempotency idempotency, ApiCaller caller) {
        this.links = links;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a hosted link",
            description = "A single-use link that takes the company's business through the journey with no sign-up:"
                    + " what is shared, consent, the platform, and back to redirectUrl with the outcome in the query"
                    + " (companyId, connectionId, status linked, cancelled or error, errorCode, linkId, timestamp)"
                    + " and a signature over them (see docs/integrating.md). redirectUrl must start with an entry of"
                    + " the redirect allow-list. categories (accounting, banking, commerce) and platform narrow what"
                    + " the business may connect. expiresIn is in seconds, 300 to 2592000; 7 days by default. The"
                    + " url is in this answer only. Unknown fields are refused.")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LinkRequest.class),
                            examples =
                                    @ExampleObject(
                                            name = "accounting",
                                            value = "{\"redirectUrl\":\"https://app.lender.example/connected\","
                                                    + "\"categories\":[\"accounting\"],\"expiresIn\":86400}")))
    @APIResponse(
            responseCode = "201",
            description = "The link; send the business to url",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LinkView.class),
                            examples = @ExampleObject(name = "created", value = CREATED_EXAMPLE)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid body or Idempotency-Key, or a redirect URL off the allow-list; each bad field is"
                    + " named in errors",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "offTheList", value = OFF_LIST_EXAMPLE)))
    public Response create(
            @Parameter(description = "The company's id", example = "42", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("id")
                    String id,
            @Parameter(
                            description = "Any unique value (a UUID) to make retries safe; kept 24 hours",
                            example = "5f0c3a9e-1b7d-4e0a-9a57-3c1d2b8e6f10")
                    @HeaderParam(Idempotency.HEADER)
                    String idempotencyKey,
            String body) {
        long companyId = Ids.parse(id);
        NewLink input = NewLink.parse(body);
        return idempotency.run(
                caller.keyId(),
                idempotencyKey,
                "POST /api/v1/companies/" + companyId + "/links\n" + input.canonical(),
                () -> links.create(companyId, input, caller.keyName()));
    }

    @GET
    @Path("/{linkId}")
    @Operation(
            summary = "Read a hosted link",
            description = "Where the business is with a link: created, opened, linked (with connectionId),"
                    + " cancelled, error (with errorCode), or expired. The URL itself is not kept.")
    @APIResponse(
            responseCode = "200",
            description = "The link",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = LinkView.class),
                            examples = @ExampleObject(name = "linked", value = READ_EXAMPLE)))
    public Response get(
            @Parameter(description = "The company's id", example = "42", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("id")
                    String id,
            @Parameter(description = "The link's id", example = "15", schema = @Schema(type = SchemaType.INTEGER))
                    @PathParam("linkId")
                    String linkId) {
        long companyId = Ids.parse(id);
        long link = Ids.parseOr(linkId, ApiLinks::noLink);
        return CompaniesResource.ok(links.find(companyId, link).orElseThrow(ApiLinks::noLink));
    }

    /** For the document only: the body of a new link. */
    @Schema(name = "LinkRequest")
    record LinkRequest(
            @Schema(required = true, example = "https://app.lender.example/connected")
            String redirectUrl,

            @Schema(example = "[\"accounting\"]") java.util.List<String> categories,
            @Schema(example = "xero") String platform,

            @Schema(example = "86400", minimum = "300", maximum = "2592000")
            Long expiresIn) {}
}
