package io.connectionportal.uploads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import io.connectionportal.shared.Hashes;
import io.connectionportal.shared.PortalConfig;

/**
 * With the database store, moves into the database the files an installation kept on disk before (in
 * {@code portal.uploads.dir}), at every start-up: each file whose upload has no bytes in the database yet, once its
 * SHA-256 matches the row's; then the file is deleted. It runs again harmlessly (what is in the database is only
 * deleted from disk), and several instances starting at once lock the upload row. A file no row names is deleted once
 * it is older than {@link UploadErasure#ORPHAN_GRACE}, as the disk store's purge would have.
 */
@ApplicationScoped
class DiskUploadImport {

    /** What one start-up did with the files it found. */
    record Outcome(int moved, int deleted, int kept) {}

    private enum Step {
        MOVED,
        DELETE,
        KEEP
    }

    private final PortalConfig.Uploads config;

    DiskUploadImport(PortalConfig config) {
        this.config = config.uploads();
    }

    void onStart(@Observes StartupEvent started) {
        if (config.store() == PortalConfig.Uploads.Store.DATABASE) {
            Outcome outcome;
            try {
                outcome = importFiles(Instant.now());
            } catch (IOException unreadable) {
                // The portal works without them; the operator must know they are not served.
                Log.warnf(
                        "Uploads: %s could not be read (%s); its files were not moved into the database",
                        config.dir(), unreadable);
                outcome = new Outcome(0, 0, 0);
            }
            if (outcome.moved() + outcome.deleted() + outcome.kept() > 0) {
                Log.infof(
                        "Uploads: %d file(s) moved from %s into the database, %d without an upload deleted, %d left on"
                                + " disk",
                        outcome.moved(), config.dir(), outcome.deleted(), outcome.kept());
            }
            long missing = withoutBytes();
            if (missing > 0) {
                Log.warnf(
                        "Uploads: %d upload(s) have no bytes in the database and no file in %s: copy the files of"
                                + " every instance's portal.uploads.dir into it and restart (README, Uploads)",
                        missing, config.dir());
            }
        }
    }

    /** Uploads whose bytes are nowhere; in SQL, so that this check at every start waits on no HQL parsing. */
    long withoutBytes() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Upload.getEntityManager()
                                .createNativeQuery("select count(*) from upload u"
                                        + " where not exists (select 1 from upload_bytes b where b.upload_id = u.id)")
                                .getSingleResult())
                        .longValue());
    }

    Outcome importFiles(Instant now) throws IOException {
        DiskUploadStore disk = new DiskUploadStore(Path.of(config.dir()));
        int moved = 0;
        int deleted = 0;
        int kept = 0;
        for (String name : disk.keptBefore(now)) {
            Path file = disk.find(name).orElse(null);
            if (file == null) {
                continue;
            }
            Step step;
            try {
                step = QuarkusTransaction.requiringNew().call(() -> moveIn(name, file, now));
            } catch (RuntimeException failed) {
                Log.warnf(
                        "Uploads: file %s could not be moved into the database (%s); tried again at start-up",
                        name, failed);
                step = Step.KEEP;
            }
            if (step == Step.KEEP) {
                kept++;
                continue;
            }
            disk.delete(name);
            if (step == Step.MOVED) {
                moved++;
            } else {
                deleted++;
            }
        }
        return new Outcome(moved, deleted, kept);
    }

    private static Step moveIn(String name, Path file, Instant now) throws IOException {
        Upload upload = Upload.<Upload>find("storedName", name)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
        if (upload == null) {
            boolean old = Files.getLastModifiedTime(file).toInstant().isBefore(now.minus(UploadErasure.ORPHAN_GRACE));
            return old ? Step.DELETE : Step.KEEP;
        }
        if (UploadBytes.findById(upload.id) != null) {
            // Moved already (by another instance, or by a start-up that could not delete the file).
            return Step.DELETE;
        }
        byte[] bytes = Files.readAllBytes(file);
        if (!HexFormat.of().formatHex(Hashes.sha256(bytes)).equals(upload.sha256)) {
            Log.warnf(
                    "Uploads: file %s is not the one upload %d received (SHA-256 differs); left on disk",
                    name, upload.id);
            return Step.KEEP;
        }
        UploadBytes.of(upload.id, bytes).persist();
        return Step.MOVED;
    }
}
