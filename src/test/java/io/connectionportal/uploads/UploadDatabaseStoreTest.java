package io.connectionportal.uploads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.shared.Hashes;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;

/**
 * Uploads kept where every instance reads them (issue 12): the bytes in the database, read back byte for byte, nothing
 * written to the instance's disk, gone with their row; files an earlier installation kept on disk are moved in at
 * start-up, once.
 */
@QuarkusTest
class UploadDatabaseStoreTest {

    /** {@code portal.uploads.dir} in the test profile. */
    private static final Path DIR = Path.of("target/test-uploads");

    private static final int LIMIT = 10 * 1024 * 1024;

    @Inject
    UploadErasure erasure;

    @Inject
    DiskUploadImport diskImport;

    /** A PDF as the content check sees it (its signature), then every byte value: what a text column would mangle. */
    private static byte[] binaryPdf(int size) {
        byte[] content = new byte[size];
        new Random(12).nextBytes(content);
        byte[] magic = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(magic, 0, content, 0, magic.length);
        return content;
    }

    private static Response upload(Browser browser, String name, byte[] content) {
        browser.get("/connect/upload");
        return browser.request()
                .multiPart("file", name, content, "application/pdf")
                .multiPart("csrf-token", browser.csrfToken())
                .post("/connect/upload");
    }

    private static long companyOf(String email) {
        return ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
    }

    private static long uploadId(long company, String name) {
        return ((Number) Rows.single(
                        "select id from upload where company_id = ?1 and original_name = ?2", company, name))
                .longValue();
    }

    private static long filesOnDisk() throws IOException {
        if (!Files.isDirectory(DIR)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(DIR)) {
            return files.count();
        }
    }

    private static String sha256(byte[] content) {
        return HexFormat.of().formatHex(Hashes.sha256(content));
    }

    @Test
    void aTenMegabyteFileReadsBackByteIdenticalFromTheDatabaseAndNothingIsWrittenToDisk() throws IOException {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Database Files Co"));
        long filesBefore = filesOnDisk();
        byte[] content = binaryPdf(LIMIT);

        upload(browser, "statements.pdf", content).then().statusCode(303);

        long id = uploadId(company, "statements.pdf");
        assertArrayEquals(content, UploadTest.storedBytes(id), "the bytes, in upload_bytes");
        assertEquals(sha256(content), Rows.single("select sha256 from upload where id = ?1", id));
        assertEquals(filesBefore, filesOnDisk(), "no file on this instance's disk");
        Response download = browser.request().get("/connect/upload/" + id);
        assertEquals(200, download.statusCode());
        assertEquals("application/pdf", download.contentType());
        assertArrayEquals(content, download.asByteArray(), "read back byte for byte");

        Browser other = new Browser();
        other.signUp("Database Files Neighbour");
        other.request().get("/connect/upload/" + id).then().statusCode(404);
    }

    @Test
    void erasingACompanysUploadsDeletesTheirBytesAndNoOtherCompanys() {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Erased Files Co"));
        Browser neighbour = new Browser();
        long other = companyOf(neighbour.signUp("Kept Files Co"));
        upload(browser, "erased.pdf", UploadTest.pdf()).then().statusCode(303);
        upload(neighbour, "kept.pdf", UploadTest.pdf()).then().statusCode(303);
        long erased = uploadId(company, "erased.pdf");
        long kept = uploadId(other, "kept.pdf");

        QuarkusTransaction.requiringNew().run(() -> erasure.eraseRows(company));

        assertEquals(0, Rows.count("upload", "id = ?1", erased));
        assertEquals(0, Rows.count("upload_bytes", "upload_id = ?1", erased), "the bytes went with the row");
        browser.request().get("/connect/upload/" + erased).then().statusCode(404);
        assertEquals(1, Rows.count("upload_bytes", "upload_id = ?1", kept));
        neighbour.request().get("/connect/upload/" + kept).then().statusCode(200);
    }

    @Test
    void filesAnEarlierInstallationKeptOnDiskAreMovedIntoTheDatabaseOnce() throws IOException {
        Browser browser = new Browser();
        String email = browser.signUp("Disk Era Co");
        long company = companyOf(email);
        long user = ((Number) Rows.single("select id from app_user where email = ?1", email)).longValue();
        Files.createDirectories(DIR);
        long withoutBytes = diskImport.withoutBytes();

        byte[] content = UploadTest.csv();
        String moved = UUID.randomUUID().toString();
        Files.write(DIR.resolve(moved), content);
        long movedId = diskEraRow(company, user, moved, "ledger.csv", content.length, sha256(content));

        String altered = UUID.randomUUID().toString();
        Files.writeString(DIR.resolve(altered), "not what was received");
        long alteredId = diskEraRow(company, user, altered, "altered.csv", 21, sha256(content));

        Path oldOrphan = DIR.resolve(UUID.randomUUID().toString());
        Path freshOrphan = DIR.resolve(UUID.randomUUID().toString());
        Files.writeString(oldOrphan, "left behind");
        Files.writeString(freshOrphan, "its row may be being written");
        Files.setLastModifiedTime(oldOrphan, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        try {
            diskImport.importFiles(Instant.now().plusSeconds(1));

            assertArrayEquals(content, UploadTest.storedBytes(movedId), "moved into the database");
            assertFalse(Files.exists(DIR.resolve(moved)), "and off the disk");
            assertArrayEquals(
                    content, browser.request().get("/connect/upload/" + movedId).asByteArray());
            assertEquals(0, Rows.count("upload_bytes", "upload_id = ?1", alteredId), "not the bytes it received");
            assertTrue(Files.exists(DIR.resolve(altered)), "left for an operator to look at");
            assertEquals(
                    withoutBytes + 1, diskImport.withoutBytes(), "the altered file's upload, warned of at start-up");
            assertFalse(Files.exists(oldOrphan), "no row names it: purged as the disk store's purge would");
            assertTrue(Files.exists(freshOrphan));

            DiskUploadImport.Outcome again =
                    diskImport.importFiles(Instant.now().plusSeconds(1));
            assertEquals(0, again.moved(), "idempotent");
            assertEquals(1, Rows.count("upload_bytes", "upload_id = ?1", movedId));
        } finally {
            Files.deleteIfExists(DIR.resolve(altered));
            Files.deleteIfExists(freshOrphan);
        }
    }

    private static long diskEraRow(long company, long user, String storedName, String name, long size, String sha) {
        Rows.execute(
                "insert into upload (company_id, user_id, stored_name, original_name, file_type, size_bytes, sha256,"
                        + " uploaded_at) values (?1, ?2, ?3, ?4, 'CSV', ?5, ?6, ?7)",
                company,
                user,
                storedName,
                name,
                size,
                sha,
                OffsetDateTime.now(ZoneOffset.UTC));
        return uploadId(company, name);
    }
}
