package io.connectionportal.uploads;

import java.nio.file.Path;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.connectionportal.shared.PortalConfig;

/** The store {@code portal.uploads.store} names: the database by default, the disk for a single instance. */
@Singleton
class UploadStoreChoice {

    @Produces
    @Singleton
    UploadStore store(PortalConfig config) {
        return switch (config.uploads().store()) {
            case DATABASE -> new DatabaseUploadStore();
            case DISK -> new DiskUploadStore(Path.of(config.uploads().dir()));
        };
    }
}
