package io.connectionportal.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A connection as the API shows it: what and how it is linked, never a token. */
@Schema(name = "Connection")
@JsonInclude(JsonInclude.Include.ALWAYS)
record ConnectionView(
        @Schema(example = "7") long id,

        @Schema(example = "xero", description = "The catalog key of the platform")
        String platform,

        @Schema(
                example = "accounting",
                enumeration = {"accounting", "banking", "commerce"})
        String category,

        @Schema(
                example = "LINKED",
                enumeration = {"PENDING_AUTH", "LINKED", "REAUTH_REQUIRED", "DEAUTHORIZED"})
        String status,

        @Schema(example = "2026-11-30T20:33:00Z", nullable = true)
        Instant linkedAt,

        @Schema(example = "2026-11-30T20:34:10Z", nullable = true, description = "End of the last successful sync")
        Instant lastSyncAt,

        @Schema(example = "true", description = "Connected through the built-in sandbox, not the real provider")
        boolean sandbox) {}
