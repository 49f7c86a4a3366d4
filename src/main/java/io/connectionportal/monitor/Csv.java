package io.connectionportal.monitor;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Comma-separated values (RFC 4180): a header line, then one line per row, CRLF line ends. Text that
 * a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -}, {@code @} first) gets a
 * leading apostrophe; numbers are written as they are.
 */
final class Csv {

    private final StringBuilder out = new StringBuilder();

    Csv(String... header) {
        row((Object[]) header);
    }

    Csv row(Object... cells) {
        out.append(Arrays.stream(cells).map(Csv::cell).collect(Collectors.joining(","))).append("\r\n");
        return this;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
