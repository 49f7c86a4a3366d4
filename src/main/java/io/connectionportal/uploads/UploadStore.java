package io.connectionportal.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the bytes of uploads are kept ({@code portal.uploads.store}): in the database, where every instance reads
 * them, or on one instance's disk. {@link Uploads} writes the row; the store keeps the bytes that go with it.
 */
interface UploadStore {

    /** The name an upload's bytes are kept under, and their SHA-256. */
    record Kept(String name, String sha256) {}

    /** Outside any transaction, before the row is written: whatever must exist before the row does. */
    Kept keep(Path received) throws IOException;

    /** In the row's transaction, once the row has its id: whatever must commit with the row. */
    void attach(Upload upload, Path received) throws IOException;

    /** The upload's bytes, if they are where they should be. */
    Optional<InputStream> open(Upload upload) throws IOException;

    /**
     * Removes bytes kept outside the database, once their row is gone or never committed; bytes in the database go
     * with their row (on delete cascade) and need nothing.
     */
    void delete(String name) throws IOException;

    /** Names of bytes kept outside the database, written before {@code cutoff}: what the orphan purge may look at. */
    List<String> keptBefore(Instant cutoff) throws IOException;
}
