package io.connectionportal.uploads;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import io.connectionportal.testing.Browser;
import io.connectionportal.testing.Rows;

@QuarkusTest
class UploadTest {

    /** {@code portal.uploads.dir} in the test profile: the database store writes nothing there. */
    private static final Path DIR = Path.of("target/test-uploads");

    private static final long LIMIT = 10 * 1024 * 1024;
    private static final String GENERATED_NAME = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // ---------- files, made here so every byte is known ----------

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                        + "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] csv() {
        return "\uFEFFdate,description,amount\n2026-10-01,Café Lumière,12.50\n2026-10-02,Rent,-950.00\n"
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The smallest workbook Excel opens: content types, relationships, a workbook and one sheet. */
    static byte[] xlsx() throws IOException {
        return zip(new LinkedHashMap<>(Map.of(
                "[Content_Types].xml",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>",
                "_rels/.rels",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>",
                "xl/workbook.xml",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                                + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
                "xl/_rels/workbook.xml.rels",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>",
                "xl/worksheets/sheet1.xml",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                                + "<sheetData><row r=\"1\"><c r=\"A1\"><v>42</v></c></row></sheetData></worksheet>")));
    }

    static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] png() {
        byte[] png = new byte[64];
        System.arraycopy(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'},
                0,
                png,
                0,
                16);
        return png;
    }

    static byte[] executable() {
        byte[] exe = new byte[128];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[60] = (byte) 0x80;
        return exe;
    }

    // ---------- helpers ----------

    private static long companyOf(String email) {
        return ((Number) Rows.single("select company_id from app_user where email = ?1", email)).longValue();
    }

    private static long uploadsOf(long company) {
        return Rows.count("upload", "company_id = ?1", company);
    }

    private static long filesOnDisk() throws IOException {
        if (!Files.isDirectory(DIR)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(DIR)) {
            return files.count();
        }
    }

    private static Response upload(
            Browser browser, String name, byte[] content, String clientType, Map<String, String> fields) {
        browser.get("/connect/upload");
        RequestSpecification request = browser.request()
                .multiPart("file", name, content, clientType)
                .multiPart("csrf-token", browser.csrfToken());
        fields.forEach(request::multiPart);
        return request.post("/connect/upload");
    }

    private static Response upload(Browser browser, String name, byte[] content, String clientType) {
        return upload(browser, name, content, clientType, Map.of());
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** What the database store keeps for the upload. */
    static byte[] storedBytes(long uploadId) {
        return (byte[]) Rows.single("select bytes from upload_bytes where upload_id = ?1", uploadId);
    }

    private static long onlyUploadId(long company, String originalName) {
        return ((Number) Rows.single(
                        "select id from upload where company_id = ?1 and original_name = ?2", company, originalName))
                .longValue();
    }

    // ---------- tests ----------

    @Test
    void aPdfACsvAndAnXlsxAreAcceptedStoredUnderGeneratedNamesListedAndDownloadable() throws Exception {
        Browser browser = new Browser();
        String email = browser.signUp("Paper Trail Co");
        long company = companyOf(email);

        record Sample(String name, byte[] content, String type, String contentType) {}
        Sample[] samples = {
            new Sample("Profit and loss 2026.pdf", pdf(), "PDF", "application/pdf"),
            new Sample("bank-statement.csv", csv(), "CSV", "text/csv"),
            new Sample("sales.xlsx", xlsx(), "XLSX", XLSX_TYPE)
        };

        for (Sample sample : samples) {
            Response response = upload(
                    browser,
                    sample.name(),
                    sample.content(),
                    "application/octet-stream",
                    Map.of("category", "accounting", "note", "Period: 2026"));
            assertEquals(
                    303,
                    response.statusCode(),
                    sample.name() + ": " + response.body().asString());
            assertTrue(response.header("Location").endsWith("/connect/upload"));
            browser.get("/connect/upload").then().body(containsString("Thank you. Your file is received."));

            long id = onlyUploadId(company, sample.name());
            String stored = (String) Rows.single("select stored_name from upload where id = ?1", id);
            assertTrue(stored.matches(GENERATED_NAME), "generated name: " + stored);
            assertArrayEquals(sample.content(), storedBytes(id), "stored as received, in the database");
            assertFalse(Files.exists(DIR.resolve(stored)), "and not on this instance's disk");
            assertEquals(sample.type(), Rows.single("select file_type from upload where id = ?1", id));
            assertEquals(
                    (long) sample.content().length,
                    ((Number) Rows.single("select size_bytes from upload where id = ?1", id)).longValue());
            assertEquals(sha256(sample.content()), Rows.single("select sha256 from upload where id = ?1", id));
            assertEquals("accounting", Rows.single("select category from upload where id = ?1", id));
            assertEquals("Period: 2026", Rows.single("select note from upload where id = ?1", id));
            assertEquals(
                    Rows.single("select id from app_user where email = ?1", email),
                    Rows.single("select user_id from upload where id = ?1", id));

            Response download = browser.request().get("/connect/upload/" + id);
            assertEquals(200, download.statusCode());
            assertArrayEquals(sample.content(), download.asByteArray());
            assertTrue(download.contentType().startsWith(sample.contentType()), download.contentType());
            assertTrue(download.header("Content-Disposition").startsWith("attachment;"));
            assertTrue(download.header("Content-Disposition").contains("filename*=UTF-8''"));
            assertEquals(List.of("nosniff"), download.headers().getValues("X-Content-Type-Options"));
            assertEquals("private, no-store", download.header("Cache-Control"));
        }
        assertEquals(3, uploadsOf(company));

        String page =
                browser.get("/connect/upload").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Profit and loss 2026.pdf"));
        assertTrue(page.contains("bank-statement.csv"));
        assertTrue(page.contains("sales.xlsx"));
        assertTrue(page.contains("Excel (XLSX)"));
        assertTrue(page.contains(email), "uploaded by");
        assertTrue(page.contains(" B</td>"), "size in human units");
        assertTrue(page.contains("href=\"/connect/upload/" + onlyUploadId(company, "sales.xlsx") + "\""));
        // The notice is shown once.
        assertFalse(page.contains("Your file is received."));
    }

    @Test
    void theDownloadNameIsEncodedAndGetsTheDetectedTypesExtension() {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Encoded Co"));
        // Built by hand: browsers send the file name as raw UTF-8, which RestAssured's multipart does not.
        browser.get("/connect/upload");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--XyZ\r\nContent-Disposition: form-data; name=\"csrf-token\"\r\n\r\n" + browser.csrfToken()
                        + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"relevé mars.txt\"\r\n"
                        + "Content-Type: text/plain\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(csv());
        body.writeBytes("\r\n--XyZ--\r\n".getBytes(StandardCharsets.UTF_8));
        browser.request()
                .contentType("multipart/form-data; boundary=XyZ")
                .body(body.toByteArray())
                .post("/connect/upload")
                .then()
                .statusCode(303);

        assertEquals("relevé mars.txt", Rows.single("select original_name from upload where company_id = ?1", company));
        long id = onlyUploadId(company, "relevé mars.txt");
        String disposition = browser.request().get("/connect/upload/" + id).header("Content-Disposition");
        assertEquals(
                "attachment; filename=\"relev_ mars.txt.csv\"; filename*=UTF-8''relev%C3%A9%20mars.txt.csv",
                disposition);
    }

    @Test
    void filesOfTheWrongTypeAreRefusedByTheirContentWhateverTheirName() throws Exception {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Sneaky Co"));
        long filesBefore = filesOnDisk();

        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        byte[] latin1 = "montant;libellé\n12;café\n".getBytes(StandardCharsets.ISO_8859_1);
        Map<String, byte[]> disguised = new LinkedHashMap<>();
        disguised.put("photo.pdf", png());
        disguised.put("setup.pdf", executable());
        disguised.put("data.csv", binary);
        disguised.put("accents.csv", latin1);
        disguised.put("archive.xlsx", zip(Map.of("readme.txt", "not a workbook")));
        disguised.put("sheet.xlsx", Arrays.copyOf(xlsx(), 40));

        for (Map.Entry<String, byte[]> file : disguised.entrySet()) {
            String claimed = file.getKey().endsWith(".pdf")
                    ? "application/pdf"
                    : file.getKey().endsWith(".csv") ? "text/csv" : XLSX_TYPE;
            Response response = upload(browser, file.getKey(), file.getValue(), claimed);
            assertEquals(400, response.statusCode(), file.getKey());
            String html = response.body().asString();
            assertTrue(html.contains("The file must be a PDF, CSV or Excel (XLSX) file"), file.getKey());
            assertTrue(html.contains("href=\"#file\""), "the error summary links to the file field");
            assertTrue(html.contains("id=\"file-error\""), "inline error");
        }
        assertEquals(0, uploadsOf(company));
        assertEquals(filesBefore, filesOnDisk());
    }

    @Test
    void aFileJustOverTheLimitIsRefusedAndOneAtTheLimitAccepted() throws IOException {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Big Data Co"));
        long filesBefore = filesOnDisk();

        byte[] tooBig = new byte[(int) LIMIT + 1];
        Arrays.fill(tooBig, (byte) 'a');
        for (int i = 80; i < tooBig.length; i += 81) {
            tooBig[i] = '\n';
        }
        Response refused = upload(browser, "ledger.csv", tooBig, "text/csv");
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().asString().contains("The file must be 10 MB or smaller"));
        assertEquals(0, uploadsOf(company));
        assertEquals(filesBefore, filesOnDisk());

        upload(browser, "ledger.csv", Arrays.copyOf(tooBig, (int) LIMIT), "text/csv")
                .then()
                .statusCode(303);
        assertEquals(1, uploadsOf(company));
        browser.get("/connect/upload").then().body(containsString("<td>10 MB</td>"));
    }

    @Test
    void aMissingOrEmptyFileIsRefusedAndTheOtherValuesAreKept() {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Forgetful Co"));

        browser.get("/connect/upload");
        Response missing = browser.request()
                .multiPart("csrf-token", browser.csrfToken())
                .multiPart("category", "banking")
                .multiPart("note", "Statements for October")
                .post("/connect/upload");
        assertEquals(400, missing.statusCode());
        String html = missing.body().asString();
        assertTrue(html.contains("Choose a file to upload"));
        assertTrue(html.contains("value=\"banking\" selected"), "the category is kept");
        assertTrue(html.contains(">Statements for October</textarea>"), "the note is kept");

        Response empty = upload(browser, "empty.pdf", new byte[0], "application/pdf");
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().asString().contains("The file is empty"));
        assertEquals(0, uploadsOf(company));
    }

    @Test
    void badCategoryOrLongNoteIsRefusedEvenWithAGoodFile() throws IOException {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Wordy Co"));
        long filesBefore = filesOnDisk();

        Response response = upload(
                browser, "report.pdf", pdf(), "application/pdf", Map.of("category", "crypto", "note", "n".repeat(501)));
        assertEquals(400, response.statusCode());
        String html = response.body().asString();
        assertTrue(html.contains("href=\"#category\""));
        assertTrue(html.contains("href=\"#note\""));
        assertTrue(html.contains("choose the file again"));
        assertEquals(0, uploadsOf(company));
        assertEquals(filesBefore, filesOnDisk());
    }

    @Test
    void aPathInTheNameIsDroppedAndTheFileIsStoredUnderAGeneratedName() {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Traversal Co"));

        upload(browser, "../../etc/passwd.pdf", pdf(), "application/pdf").then().statusCode(303);
        upload(browser, "C:\\Users\\owner\\Documents\\bank.csv", csv(), "text/csv")
                .then()
                .statusCode(303);

        assertEquals(1, Rows.count("upload", "company_id = ?1 and original_name = 'passwd.pdf'", company));
        assertEquals(1, Rows.count("upload", "company_id = ?1 and original_name = 'bank.csv'", company));
        String stored = (String) Rows.single(
                "select stored_name from upload where company_id = ?1 and original_name = 'passwd.pdf'", company);
        assertTrue(stored.matches(GENERATED_NAME));
        assertArrayEquals(pdf(), storedBytes(onlyUploadId(company, "passwd.pdf")));
        assertFalse(Files.exists(Path.of("target/etc/passwd.pdf")));
        assertFalse(Files.exists(DIR.toAbsolutePath().getParent().getParent().resolve("etc/passwd.pdf")));

        String page = browser.get("/connect/upload").body().asString();
        assertTrue(page.contains("passwd.pdf"));
        assertFalse(page.contains("../"), "shown sanitised");
        assertFalse(page.contains("Documents"), "shown sanitised");
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRejected() throws IOException {
        Browser browser = new Browser();
        long company = companyOf(browser.signUp("Forged Co"));
        long filesBefore = filesOnDisk();
        browser.get("/connect/upload");

        Response forged = browser.request()
                .multiPart("file", "report.pdf", pdf(), "application/pdf")
                .post("/connect/upload");
        Response wrong = browser.request()
                .multiPart("file", "report.pdf", pdf(), "application/pdf")
                .multiPart("csrf-token", "not-the-token")
                .post("/connect/upload");

        assertEquals(400, forged.statusCode());
        assertEquals(400, wrong.statusCode());
        assertTrue(
                forged.body().asString().contains("This form has expired"),
                forged.body().asString());
        assertEquals(0, uploadsOf(company));
        assertEquals(filesBefore, filesOnDisk());
    }

    @Test
    void anotherCompanyGets404ForAnUploadAndSeesNoneOfTheFiles() {
        Browser first = new Browser();
        long company = companyOf(first.signUp("First Files Co"));
        upload(first, "first-company-secret.pdf", pdf(), "application/pdf")
                .then()
                .statusCode(303);
        long id = onlyUploadId(company, "first-company-secret.pdf");

        Browser second = new Browser();
        second.signUp("Second Files Co");
        Response foreign = second.request().get("/connect/upload/" + id);
        Response unknown = second.request().get("/connect/upload/999999999");
        assertEquals(404, foreign.statusCode());
        assertEquals(404, unknown.statusCode());
        assertEquals(
                unknown.body().asString().replaceAll("csrf-token\" value=\"[^\"]*\"", ""),
                foreign.body().asString().replaceAll("csrf-token\" value=\"[^\"]*\"", ""),
                "another company's file and a missing one look the same");
        assertFalse(foreign.body().asString().contains("first-company-secret"));
        second.request().get("/connect/upload/abc").then().statusCode(404);

        second.get("/connect/upload")
                .then()
                .statusCode(200)
                .body(not(containsString("first-company-secret")))
                .body(containsString("You have not sent any files yet."));
        first.request().get("/connect/upload/" + id).then().statusCode(200);
    }

    @Test
    void anonymousVisitorsAreSentToLogin() {
        Browser anonymous = new Browser();
        anonymous
                .request()
                .get("/connect/upload")
                .then()
                .statusCode(303)
                .header("Location", startsWith("/login?next="))
                .header("Location", containsString("%2Fconnect%2Fupload"));
        anonymous
                .request()
                .get("/connect/upload/1")
                .then()
                .statusCode(303)
                .header("Location", containsString("/login"));
        String name = "anonymous-" + UUID.randomUUID() + ".pdf";
        anonymous.get("/faq");
        Response post = anonymous
                .request()
                .multiPart("file", name, pdf(), "application/pdf")
                .multiPart("csrf-token", String.valueOf(anonymous.csrfToken()))
                .post("/connect/upload");
        assertTrue(post.statusCode() == 303 || post.statusCode() == 400, "refused: " + post.statusCode());
        assertEquals(0, Rows.count("upload", "original_name = ?1", name));
    }

    @Test
    void thePageExplainsTheAlternativeInFrench() {
        Browser browser = new Browser("fr");
        browser.signUp("Fichiers SARL");
        browser.get("/connect/upload")
                .then()
                .statusCode(200)
                .body(containsString("Envoyer des fichiers"))
                .body(containsString("10\u00a0Mo"))
                .body(containsString("enctype=\"multipart/form-data\""))
                .body(containsString("name=\"csrf-token\""))
                .body(containsString("href=\"/connect/request-integration\""));
    }
}
