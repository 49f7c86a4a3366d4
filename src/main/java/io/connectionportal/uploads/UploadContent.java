package io.connectionportal.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Tells what a received file is by its bytes alone. The name and the content type a client sends
 * are whatever the client wants them to be, so neither is looked at.
 */
final class UploadContent {

    /** A real workbook has a few dozen entries; far more means something other than a spreadsheet. */
    static final int MAX_ZIP_ENTRIES = 2000;

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private UploadContent() {}

    static Optional<UploadType> detect(Path file) throws IOException {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        if (startsWith(head, read, PDF_MAGIC)) {
            return Optional.of(UploadType.PDF);
        }
        if (startsWith(head, read, ZIP_MAGIC)) {
            return isWorkbook(file) ? Optional.of(UploadType.XLSX) : Optional.empty();
        }
        return isText(file) ? Optional.of(UploadType.CSV) : Optional.empty();
    }

    private static boolean startsWith(byte[] head, int read, byte[] magic) {
        return read >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    /**
     * An Office Open XML workbook: the package's content types and the workbook part. ZipFile reads
     * only the central directory, so nothing is decompressed and a zip bomb costs nothing. A package
     * with macros is refused: the portal promises plain spreadsheets.
     */
    private static boolean isWorkbook(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            if (zip.size() > MAX_ZIP_ENTRIES) {
                return false;
            }
            Set<String> names = new HashSet<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            for (int i = 0; entries.hasMoreElements() && i < MAX_ZIP_ENTRIES; i++) {
                names.add(entries.nextElement().getName());
            }
            return names.contains("[Content_Types].xml")
                    && names.contains("xl/workbook.xml")
                    && !names.contains("xl/vbaProject.bin");
        } catch (ZipException | IllegalArgumentException broken) {
            // A damaged archive, or entry names that are not UTF-8: not a workbook we can take.
            return false;
        } catch (IOException unreadable) {
            return false;
        }
    }

    /**
     * CSV: UTF-8 text (an optional byte order mark is fine) with at least one non-blank line and no
     * control characters except tab, carriage return and line feed. Read as a stream, so a large
     * file never sits in memory whole.
     */
    private static boolean isText(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean content = false;
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), decoder)) {
            char[] buffer = new char[8192];
            boolean first = true;
            for (int n = reader.read(buffer); n != -1; n = reader.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    char c = buffer[i];
                    if (first && c == '\uFEFF') {
                        first = false;
                        continue;
                    }
                    first = false;
                    if (c == '\t' || c == '\r' || c == '\n') {
                        continue;
                    }
                    if (Character.isISOControl(c)) {
                        return false;
                    }
                    content |= !Character.isWhitespace(c);
                }
            }
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
        return content;
    }
}
