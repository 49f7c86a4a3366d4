package io.connectionportal.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The name a file had on the uploader's computer only ever becomes a display value. */
class UploadFileNameTest {

    @Test
    void pathComponentsAreDropped() {
        assertEquals("passwd.pdf", UploadFileName.sanitise("../../etc/passwd.pdf"));
        assertEquals("bank.csv", UploadFileName.sanitise("C:\\Users\\owner\\bank.csv"));
        assertEquals("upload", UploadFileName.sanitise("../.."));
        assertEquals("upload", UploadFileName.sanitise("dir/"));
        assertEquals("upload", UploadFileName.sanitise(null));
        assertEquals("upload", UploadFileName.sanitise("   "));
    }

    @Test
    void controlAndInvisibleFormattingCharactersAreRemoved() {
        assertEquals("invoice.pdf", UploadFileName.sanitise("in\u0000vo\u0007ice\r\n.pdf"));
        // A right-to-left override would show "report\u202Efdp.exe" as "reportexe.pdf".
        assertEquals("reportfdp.exe", UploadFileName.sanitise("report\u202Efdp.exe"));
        assertEquals("Relevé café.csv", UploadFileName.sanitise("Releve\u0301 café.csv"), "composed (NFC)");
    }

    @Test
    void longNamesAreShortenedKeepingTheExtension() {
        String shortened = UploadFileName.sanitise("a".repeat(300) + ".xlsx");
        assertEquals(UploadFileName.MAX, shortened.length());
        assertTrue(shortened.endsWith("a.xlsx"));
        String emoji = UploadFileName.sanitise("😀".repeat(150));
        assertTrue(emoji.length() <= UploadFileName.MAX);
        assertTrue(!Character.isHighSurrogate(emoji.charAt(emoji.length() - 1)), "no broken surrogate pair");
    }

    @Test
    void downloadsCarryTheDetectedTypesExtensionAndAnEncodedName() {
        assertEquals("report.pdf", UploadFileName.forDownload("report.pdf", UploadType.PDF));
        assertEquals("REPORT.PDF", UploadFileName.forDownload("REPORT.PDF", UploadType.PDF));
        assertEquals("page.html.csv", UploadFileName.forDownload("page.html", UploadType.CSV));
        assertEquals(
                "attachment; filename=\"a_b_c_d*.csv\"; filename*=UTF-8''a%22b%5Cc%3Bd%2A.csv",
                UploadFileName.contentDisposition("a\"b\\c;d*.csv"));
    }
}
