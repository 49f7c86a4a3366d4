package io.connectionportal.uploads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.connectionportal.shared.Hashes;

/**
 * The disk store ({@code portal.uploads.store=disk}, one instance only), on a folder of its own since the shared test
 * boot runs the database store: a file under a generated name, read back, deleted, and purged when no row names it.
 */
@QuarkusTest
class DiskUploadStoreTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsKeptCompleteUnderAGeneratedNameReadBackAndDeleted() throws IOException {
        DiskUploadStore store = new DiskUploadStore(dir);
        Path received = Files.write(dir.resolve("received.tmp"), UploadTest.pdf());

        UploadStore.Kept kept = store.keep(received);

        assertTrue(kept.name().matches("[0-9a-f-]{36}"), kept.name());
        assertEquals(HexFormat.of().formatHex(Hashes.sha256(UploadTest.pdf())), kept.sha256());
        assertFalse(Files.exists(dir.resolve(kept.name() + ".part")), "no partial file left");
        Upload upload = new Upload();
        upload.storedName = kept.name();
        try (InputStream in = store.open(upload).orElseThrow()) {
            assertArrayEquals(UploadTest.pdf(), in.readAllBytes());
        }

        store.delete(kept.name());
        store.delete(kept.name());
        assertTrue(store.open(upload).isEmpty());
        upload.storedName = "../received.tmp";
        assertTrue(store.open(upload).isEmpty(), "a name the store did not generate finds nothing");
    }

    @Test
    void filesWithoutARowArePurgedOnceTheyAreADayOld() throws IOException {
        DiskUploadStore store = new DiskUploadStore(dir);
        UploadErasure erasure = new UploadErasure(store);
        Path old = dir.resolve(UUID.randomUUID().toString());
        Path fresh = dir.resolve(UUID.randomUUID().toString());
        Files.writeString(old, "left behind");
        Files.writeString(fresh, "its row is being written");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        assertEquals(1, erasure.purgeOrphanFiles(Instant.now()));

        assertFalse(Files.exists(old));
        assertTrue(Files.exists(fresh));
        assertEquals(List.of(), new DatabaseUploadStore().keptBefore(Instant.now()), "the database store has no files");
    }
}
