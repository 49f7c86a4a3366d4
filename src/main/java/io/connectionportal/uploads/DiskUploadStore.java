package io.connectionportal.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.connectionportal.shared.Hashes;

/**
 * Uploads on this instance's disk, in {@code portal.uploads.dir}: outside the web root, each under a random name, so
 * nothing a client sends decides where a file goes or how it is served. For one instance only: another instance
 * does not see these files. The file is written before its row and deleted after its row, so a row never names a
 * missing file; a file left without a row is removed by the orphan purge.
 */
class DiskUploadStore implements UploadStore {

    private static final Pattern STORED_NAME =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path dir;

    DiskUploadStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /**
     * Copies {@code received} in under a new name, hashing it on the way. The copy goes to a temporary file first
     * and is then renamed, so a file under a final name is always complete.
     */
    @Override
    public Kept keep(Path received) throws IOException {
        Files.createDirectories(dir);
        String name = UUID.randomUUID().toString();
        Path partial = dir.resolve(name + ".part");
        MessageDigest sha256 = Hashes.newSha256();
        try {
            try (InputStream in = new DigestInputStream(Files.newInputStream(received), sha256);
                    OutputStream out = Files.newOutputStream(partial)) {
                in.transferTo(out);
            }
            Files.move(partial, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return new Kept(name, HexFormat.of().formatHex(sha256.digest()));
    }

    @Override
    public void attach(Upload upload, Path received) {
        // The file is already in place under the row's name.
    }

    @Override
    public Optional<InputStream> open(Upload upload) throws IOException {
        Optional<Path> file = find(upload.storedName);
        return file.isPresent() ? Optional.of(Files.newInputStream(file.get())) : Optional.empty();
    }

    /** The file stored as {@code name}, if it is there; a name that is not one we generate finds nothing. */
    Optional<Path> find(String name) {
        if (name == null || !STORED_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public List<String> keptBefore(Instant cutoff) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> STORED_NAME.matcher(f.getFileName().toString()).matches())
                    .filter(f -> modifiedBefore(f, cutoff))
                    .map(f -> f.getFileName().toString())
                    .toList();
        }
    }

    private static boolean modifiedBefore(Path file, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException gone) {
            return false;
        }
    }

    @Override
    public void delete(String name) throws IOException {
        if (name != null && STORED_NAME.matcher(name).matches()) {
            try {
                Files.delete(dir.resolve(name));
            } catch (NoSuchFileException gone) {
                // Already gone: the goal is reached.
            }
        }
    }
}
