package io.connectionportal.uploads;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import io.connectionportal.shared.FinishesBeforeStop;

/**
 * Erases a deleted company's uploads and integration requests, and purges files left on disk without a row. The
 * rows go in the caller's transaction, and with them the bytes the database store keeps (on delete cascade); the disk
 * store's files go only after it committed: a file without a row is harmless and the purge catches it, whereas a row
 * without its file would be a broken download.
 */
@ApplicationScoped
public class UploadErasure {

    /** A file younger than this may be one whose row is still being written ({@code Uploads.save}): left alone. */
    static final Duration ORPHAN_GRACE = Duration.ofDays(1);

    private final UploadStore store;

    UploadErasure(UploadStore store) {
        this.store = store;
    }

    /**
     * In the caller's transaction: removes the company's upload rows (their bytes in the database with them) and
     * integration requests; returns the names of the files the disk store must delete after the commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> eraseRows(long companyId) {
        List<String> files = Upload.<Upload>list("companyId", companyId).stream()
                .map(u -> u.storedName)
                .toList();
        Upload.delete("companyId", companyId);
        IntegrationRequest.delete("companyId", companyId);
        return files;
    }

    /** Deletes the disk store's files by name, after their rows are gone; one that cannot be deleted is left to the purge. */
    public void deleteFiles(List<String> storedNames) {
        for (String name : storedNames) {
            try {
                store.delete(name);
            } catch (IOException e) {
                Log.warnf("Uploaded file %s could not be deleted (%s); the retention purge tries again", name, e);
            }
        }
    }

    @FinishesBeforeStop
    @Scheduled(
            identity = "upload-retention",
            every = "${portal.retention.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() throws IOException {
        int removed = purgeOrphanFiles(Instant.now());
        if (removed > 0) {
            Log.infof("Retention purge removed %d uploaded file(s) without a row", removed);
        }
    }

    /** Deletes the disk store's files older than {@link #ORPHAN_GRACE} that no upload row names; returns how many. */
    public int purgeOrphanFiles(Instant now) throws IOException {
        List<String> candidates = store.keptBefore(now.minus(ORPHAN_GRACE));
        if (candidates.isEmpty()) {
            return 0;
        }
        Set<String> known = new HashSet<>(QuarkusTransaction.requiringNew()
                .call(() -> Upload.<Upload>list("storedName in ?1", candidates).stream()
                        .map(u -> u.storedName)
                        .toList()));
        List<String> orphans =
                candidates.stream().filter(name -> !known.contains(name)).toList();
        deleteFiles(orphans);
        return orphans.size();
    }
}
