package io.connectionportal.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

import io.connectionportal.monitor.FunnelEvents;
import io.connectionportal.monitor.FunnelStep;
import io.connectionportal.platforms.Category;
import io.connectionportal.shared.Company;
import io.connectionportal.shared.CurrentUser;
import io.connectionportal.shared.PortalConfig;
import io.connectionportal.shared.User;

/** The signed-in company's uploads: a row plus its bytes in the {@link UploadStore}, both or neither; read only within the company. */
@ApplicationScoped
public class Uploads {

    private final CurrentUser viewer;
    private final UploadStore store;
    private final FunnelEvents funnel;

    private final PortalConfig.Uploads quota;

    Uploads(CurrentUser viewer, UploadStore store, FunnelEvents funnel, PortalConfig config) {
        this.quota = config.uploads();
        this.funnel = funnel;
        this.viewer = viewer;
        this.store = store;
    }

    public List<Upload> list() {
        return Upload.find(
                        "from Upload u join fetch u.uploadedBy where u.companyId = ?1 order by u.uploadedAt desc, u.id desc",
                        viewer.companyId())
                .list();
    }

    /** The company's own upload; another company's id finds nothing, exactly like an unknown one. */
    Optional<Upload> find(long id) {
        return Upload.find("id = ?1 and companyId = ?2", id, viewer.companyId()).firstResultOptional();
    }

    Optional<InputStream> open(Upload upload) throws IOException {
        return store.open(upload);
    }

    /** The company's quota would be exceeded by this file: it keeps {@code files} files of {@code bytes} together. */
    static final class OverQuota extends RuntimeException {
        final long files;
        final long bytes;

        OverQuota(long files, long bytes) {
            super(null, null, false, false);
            this.files = files;
            this.bytes = bytes;
        }
    }

    /**
     * Keeps the file, then writes the row and attaches the bytes in one transaction. Should that fail, whatever was
     * kept outside it is removed again, so neither is left without the other. Throws {@link OverQuota} when the
     * company's files would pass its quota, before any byte is written to the database.
     */
    Upload save(Path received, UploadType type, String originalName, Optional<Category> category, String note)
            throws IOException {
        long size = Files.size(received);
        UploadStore.Kept kept = store.keep(received);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                checkQuota(viewer.companyId(), size);
                Upload upload = new Upload();
                upload.companyId = viewer.companyId();
                upload.uploadedBy = Panache.getEntityManager().getReference(User.class, viewer.userId());
                upload.storedName = kept.name();
                upload.originalName = originalName;
                upload.type = type;
                upload.size = size;
                upload.sha256 = kept.sha256();
                upload.category = category.map(Category::key).orElse(null);
                upload.note = note.isEmpty() ? null : note;
                upload.uploadedAt = Instant.now();
                upload.persist();
                store.attach(upload, received);
                funnel.record(FunnelStep.FILE_UPLOADED, category.orElse(null), null, upload.companyId);
                return upload;
            });
        } catch (RuntimeException failed) {
            store.delete(kept.name());
            throw failed;
        }
    }

    private void checkQuota(long companyId, long size) {
        // The company row is locked, so two uploads at once cannot both squeeze under the quota.
        Company.findById(companyId, LockModeType.PESSIMISTIC_WRITE);
        Object[] used = (Object[]) Panache.getEntityManager()
                .createQuery("select count(u), coalesce(sum(u.size), 0) from Upload u where u.companyId = ?1")
                .setParameter(1, companyId)
                .getSingleResult();
        long files = ((Number) used[0]).longValue();
        long bytes = ((Number) used[1]).longValue();
        if (files + 1 > quota.maxFilesPerCompany() || bytes + size > quota.maxBytesPerCompany()) {
            throw new OverQuota(files, bytes);
        }
    }
}
