package io.connectionportal.uploads;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * The name a file had on the uploader's computer, kept only to show it and to suggest it on
 * download. It never becomes a path: files are stored under generated names.
 */
final class UploadFileName {

    static final int MAX = 200;
    static final String FALLBACK = "upload";
    /** Room kept for an extension when a long name is shortened, so "…report.pdf" stays a PDF name. */
    private static final int MAX_EXTENSION = 10;

    private UploadFileName() {}

    /**
     * The last path component, without control or invisible formatting characters (a right-to-left
     * override can make {@code fdp.exe} look like {@code exe.pdf}), at most {@link #MAX} characters.
     */
    static String sanitise(String raw) {
        if (raw == null) {
            return FALLBACK;
        }
        String name = raw;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .filter(c -> Character.getType(c) != Character.FORMAT)
                .filter(c -> Character.getType(c) != Character.UNASSIGNED)
                .filter(c -> Character.getType(c) != Character.PRIVATE_USE)
                .forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return FALLBACK;
        }
        return shorten(name);
    }

    private static String shorten(String name) {
        if (name.length() <= MAX) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= MAX_EXTENSION ? name.substring(dot) : "";
        return cut(name.substring(0, name.length() - extension.length()), MAX - extension.length()) + extension;
    }

    /** Cuts to at most {@code length} UTF-16 units without splitting a surrogate pair. */
    private static String cut(String text, int length) {
        int end = Math.min(length, text.length());
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** The name to save a download as: the shown name, with the detected type's extension if it lacks it. */
    static String forDownload(String shown, UploadType type) {
        String suffix = "." + type.extension();
        return shown.toLowerCase(Locale.ROOT).endsWith(suffix) ? shown : shown + suffix;
    }

    /**
     * A Content-Disposition value: an ASCII fallback for old clients, and the real name in RFC 5987
     * encoding, so no character of the name can break out of the header.
     */
    static String contentDisposition(String downloadName) {
        String ascii = downloadName
                .codePoints()
                .map(c -> c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == ';' || c == '%' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        String encoded = URLEncoder.encode(downloadName, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
