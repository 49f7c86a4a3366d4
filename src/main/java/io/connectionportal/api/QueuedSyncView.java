package io.connectionportal.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.connectionportal.sync.SyncJobs;

/** The sync a refresh queued, or the one already queued or running that it joined. */
@Schema(name = "QueuedSync")
@JsonInclude(JsonInclude.Include.ALWAYS)
record QueuedSyncView(
        @Schema(example = "118") long id,
        @Schema(example = "7") long connectionId,

        @Schema(
                example = "MANUAL",
                enumeration = {"INITIAL", "MANUAL", "SCHEDULED"})
        String trigger,

        @Schema(
                example = "QUEUED",
                enumeration = {"QUEUED", "RUNNING", "DONE"})
        String status,

        @Schema(example = "2026-11-30T20:40:00Z") Instant queuedAt,

        @Schema(
                example = "false",
                description = "True when a sync was already queued or running: no second one was queued")
        boolean alreadyQueued) {

    static QueuedSyncView of(SyncJobs.JobState job, boolean alreadyQueued) {
        return new QueuedSyncView(
                job.id(), job.connectionId(), job.trigger().name(), job.status(), job.queuedAt(), alreadyQueued);
    }
}
