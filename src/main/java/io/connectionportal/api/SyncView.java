package io.connectionportal.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.connectionportal.sync.SyncRunView;

/** One finished sync of a connection: what started it, when, how it ended, and how many records of each type. */
@Schema(name = "Sync")
@JsonInclude(JsonInclude.Include.ALWAYS)
record SyncView(
        @Schema(example = "118") long id,

        @Schema(
                example = "MANUAL",
                enumeration = {"INITIAL", "MANUAL", "SCHEDULED"})
        String trigger,

        @Schema(example = "2026-11-30T20:40:01Z") Instant startedAt,
        @Schema(example = "2026-11-30T20:40:03Z") Instant endedAt,

        @Schema(
                example = "SUCCESS",
                enumeration = {"SUCCESS", "FAILED", "REAUTH_REQUIRED"})
        String outcome,

        @Schema(
                nullable = true,
                example = "The provider answered HTTP 503",
                description = "Why it failed, in the portal's words; never a token")
        String error,

        @Schema(
                description = "Records fetched per data type; empty for a failed sync, which stored nothing",
                example = "{\"invoices\":23,\"bills\":30}")
        Map<String, Integer> records) {

    static SyncView of(SyncRunView run) {
        // In the data types' own order, as the run gives them and the portal's pages list them.
        Map<String, Integer> records = new LinkedHashMap<>();
        run.records().forEach((type, count) -> records.put(type.key(), count));
        return new SyncView(
                run.id(),
                run.trigger().name(),
                run.startedAt(),
                run.endedAt(),
                run.outcome().name(),
                run.errorMessage().orElse(null),
                records);
    }
}
