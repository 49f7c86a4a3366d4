package io.connectionportal.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The content checks on their own, for the cases a form test would make slow or obscure. */
class UploadContentTest {

    @TempDir
    Path dir;

    private Optional<UploadType> detect(byte[] content) throws IOException {
        Path file = Files.write(dir.resolve("received"), content);
        return UploadContent.detect(file);
    }

    private Optional<UploadType> detect(String text) throws IOException {
        return detect(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void csvIsUtf8TextWithAtLeastOneLine() throws IOException {
        assertEquals(Optional.of(UploadType.CSV), detect("a,b\n1,2\n"));
        assertEquals(Optional.of(UploadType.CSV), detect("single line without newline"));
        assertEquals(Optional.of(UploadType.CSV), detect("\uFEFFdate;montant\r\n2026-10-01;12,50\r\n"));
        assertEquals(Optional.of(UploadType.CSV), detect("a\tb\n€,日本,😀\n"));
        assertEquals(Optional.empty(), detect("\uFEFF"), "only a byte order mark");
        assertEquals(Optional.empty(), detect(" \n\r\n\t"), "only blank lines");
        assertEquals(Optional.empty(), detect("a,b\u0000\n"), "NUL");
        assertEquals(Optional.empty(), detect("a,b\u001b[31m\n"), "escape sequence");
        assertEquals(Optional.empty(), detect("a,b\u0085\n"), "C1 control");
        assertEquals(Optional.empty(), detect(new byte[] {'a', ',', (byte) 0xC3, '\n'}), "truncated UTF-8");
        assertEquals(Optional.empty(), detect(new byte[] {'a', (byte) 0xE9, '\n'}), "Latin-1");
    }

    @Test
    void pdfStartsWithItsSignature() throws IOException {
        assertEquals(Optional.of(UploadType.PDF), detect("%PDF-1.7\n%âãÏÓ\n"));
        assertEquals(Optional.of(UploadType.CSV), detect(" %PDF-1.7"), "the signature must come first; this is text");
        assertEquals(Optional.empty(), detect(new byte[] {'%', 'P', 'D', 'F', 0, 1, 2}), "too short and binary");
    }

    @Test
    void xlsxIsAZipWithContentTypesAndAWorkbook() throws IOException {
        assertEquals(
                Optional.of(UploadType.XLSX), detect(zip(Map.of("[Content_Types].xml", "x", "xl/workbook.xml", "x"))));
        assertEquals(Optional.empty(), detect(zip(Map.of("[Content_Types].xml", "x"))), "no workbook");
        assertEquals(Optional.empty(), detect(zip(Map.of("xl/workbook.xml", "x"))), "no content types");
        assertEquals(
                Optional.empty(),
                detect(zip(Map.of("[Content_Types].xml", "x", "word/document.xml", "x"))),
                "a Word file");
        assertEquals(
                Optional.empty(),
                detect(zip(Map.of("[Content_Types].xml", "x", "xl/workbook.xml", "x", "xl/vbaProject.bin", "x"))),
                "macros");
        assertEquals(Optional.empty(), detect(new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}), "a broken archive");
    }

    @Test
    void anArchiveWithTooManyEntriesIsNotOpenedFurther() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.closeEntry();
            for (int i = 0; i < UploadContent.MAX_ZIP_ENTRIES; i++) {
                zip.putNextEntry(new ZipEntry("xl/filler/" + i));
                zip.closeEntry();
            }
        }
        assertEquals(Optional.empty(), detect(bytes.toByteArray()));
    }

    @Test
    void aHighlyCompressedEntryIsNeverInflated() throws IOException {
        // 200 MB of zeros compress to about 200 KB; reading the names alone must not inflate them.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.closeEntry();
        }
        assertEquals(Optional.of(UploadType.XLSX), detect(bytes.toByteArray()));
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
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
}
