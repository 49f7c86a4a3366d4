package io.connectionportal.shared;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Comma-separated values (RFC 4180) for every download: a header line, then one line per row, CRLF
 * line ends, quoted only where needed. Text a spreadsheet would run as a formula ({@code =}, {@code +},
 * {@code -}, {@code @}, tab or carriage return first) gets a leading apostrophe (CSV injection); numbers,
 * including negative amounts given as text, are written as they are.
 */
public final class Csv {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private final StringBuilder out = new StringBuilder();

    public Csv(String... header) {
        row((Object[]) header);
    }

    public Csv(List<String> header) {
        row(header);
    }

    public Csv row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    public Csv row(List<?> cells) {
        out.append(cells.stream().map(Csv::cell).collect(Collectors.joining(",")))
                .append("\r\n");
        return this;
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty()
                && "=+-@\t\r".indexOf(text.charAt(0)) >= 0
                && !PLAIN_NUMBER.matcher(text).matches()) {
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
