package io.connectionportal.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One synced record: the provider's id for it, when it was last synced, and its JSON as the provider sent it. */
@Schema(name = "Record")
@JsonInclude(JsonInclude.Include.ALWAYS)
record RecordView(
        @Schema(example = "INV-0042", description = "The provider's id of the record")
        String externalId,

        @Schema(example = "2026-11-30T20:34:10Z", description = "When a sync last stored this record")
        Instant syncedAt,

        @Schema(type = SchemaType.OBJECT, description = "The record as the provider sent it")
        JsonNode payload) {}
