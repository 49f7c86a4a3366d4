package io.connectionportal.uploads;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.connectionportal.shared.Hashes;

/**
 * The default store: each upload's bytes in {@code upload_bytes}, written in the row's transaction, so the row and
 * its bytes commit together, every instance reads them, and deleting the row deletes them. A file is at most
 * {@code portal.uploads.max-size} (10 MB), so it is read and written whole.
 */
class DatabaseUploadStore implements UploadStore {

    @Override
    public Kept keep(Path received) throws IOException {
        // The name means nothing here; it is generated all the same, so the disk store could take the upload back.
        return new Kept(UUID.randomUUID().toString(), sha256(received));
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = Hashes.newSha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    public void attach(Upload upload, Path received) throws IOException {
        UploadBytes.of(upload.id, Files.readAllBytes(received)).persist();
    }

    @Override
    public Optional<InputStream> open(Upload upload) {
        return UploadBytes.<UploadBytes>findByIdOptional(upload.id).map(row -> new ByteArrayInputStream(row.bytes));
    }

    @Override
    public void delete(String name) {
        // Nothing outside the database: the bytes went with their row.
    }

    @Override
    public List<String> keptBefore(Instant cutoff) {
        return List.of();
    }
}
