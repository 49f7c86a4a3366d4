package io.connectionportal.uploads;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;

/**
 * A company may keep at most 100 files and 100 MB of uploads (portal.uploads.max-files-per-company,
 * max-bytes-per-company): past either, the form says so and nothing is stored, neither row nor bytes; other companies
 * are unaffected.
 */
@QuarkusTest
class UploadQuotaTest {

    private static final long MAX_BYTES = 104_857_600L;

    @Test
    void theHundredthFileIsAcceptedAndTheHundredAndFirstRefused() {
        Browser browser = new Browser();
        String email = browser.signUp("Busy Uploader");
        long[] ids = ids(email);
        for (int i = 0; i < 99; i++) {
            storedAlready(ids, 1_000);
        }

        upload(browser).then().statusCode(303);
        assertEquals(100, Rows.count("upload", "company_id = ?1", ids[0]));

        upload(browser)
                .then()
                .statusCode(409)
                .body(containsString("Your company has sent 100 files"))
                .body(containsString("aria-invalid=\"true\""));
        assertEquals(100, Rows.count("upload", "company_id = ?1", ids[0]));
        assertEquals(1, bytesStored(ids[0]), "the bytes of the hundredth file only");

        Browser other = new Browser();
        other.signUp("Quiet Uploader");
        upload(other).then().statusCode(303);
    }

    @Test
    void aFileThatWouldPassTheCompanysBytesIsRefused() {
        Browser browser = new Browser();
        String email = browser.signUp("Heavy Uploader");
        long[] ids = ids(email);
        storedAlready(ids, MAX_BYTES - UploadTest.pdf().length + 1);

        upload(browser)
                .then()
                .statusCode(409)
                .body(containsString("Your company has sent 1 file (100 MB), the most we keep for one company."))
                .body(containsString("id=\"file-error\""));
        assertEquals(1, Rows.count("upload", "company_id = ?1", ids[0]));
        assertEquals(0, bytesStored(ids[0]), "no bytes in the database");
    }

    @Test
    void theQuotaIsExplainedInFrench() {
        Browser browser = new Browser("fr");
        String email = browser.signUp("Envois Lourds SARL");
        long[] ids = ids(email);
        storedAlready(ids, MAX_BYTES);

        upload(browser)
                .then()
                .statusCode(409)
                .body(containsString("Votre entreprise a déjà envoyé 1 fichier (100\u00a0Mo)"));
        assertEquals(0, bytesStored(ids[0]));
    }

    private static long bytesStored(long company) {
        return Rows.count("upload_bytes", "upload_id in (select id from upload where company_id = ?1)", company);
    }

    private static Response upload(Browser browser) {
        browser.get("/connect/upload");
        return browser.request()
                .multiPart("file", "report.pdf", UploadTest.pdf(), "application/pdf")
                .multiPart("csrf-token", browser.csrfToken())
                .post("/connect/upload");
    }

    /** A file stored before, as a row only: the quota counts rows, and the test needs no 100 MB in the database. */
    private static void storedAlready(long[] ids, long size) {
        Rows.execute(
                "insert into upload (company_id, user_id, stored_name, original_name, file_type, size_bytes, sha256,"
                        + " uploaded_at) values (?1, ?2, ?3, 'earlier.pdf', 'PDF', ?4, ?5, ?6)",
                ids[0],
                ids[1],
                UUID.randomUUID().toString(),
                size,
                "0".repeat(64),
                OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static long[] ids(String email) {
        Object[] row = (Object[]) Rows.single("select company_id, id from app_user where email = ?1", email);
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }
}
