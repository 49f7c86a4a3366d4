package io.connectionportal.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Rendered markup cut at its CSRF slots ({@link CachedForms#SLOT}), so that a reader's token field goes in with a few
 * appends. Not {@code String.replace}: a page with one character outside Latin-1 is a UTF-16 string, and the JDK's
 * replace for those ran uncompiled for tens of seconds under load (profiled: a third of the dashboard's CPU), where
 * the search and copies used here are ones the whole server compiles early.
 */
final class SlottedMarkup {

    private final List<String> parts;
    private final int length;

    private SlottedMarkup(List<String> parts, int length) {
        this.parts = parts;
        this.length = length;
    }

    static SlottedMarkup of(String html) {
        List<String> parts = new ArrayList<>(4);
        int from = 0;
        for (int slot = html.indexOf(CachedForms.SLOT); slot >= 0; slot = html.indexOf(CachedForms.SLOT, from)) {
            parts.add(html.substring(from, slot));
            from = slot + CachedForms.SLOT.length();
        }
        parts.add(from == 0 ? html : html.substring(from));
        return new SlottedMarkup(List.copyOf(parts), html.length());
    }

    /**
     * Appends {@code chunk} with {@code field} in each of its slots: for markup handed over in pieces, each of which
     * holds whole slots (a slot is the text of one tag or inside one kept section, never split between two pieces).
     */
    static void appendFilled(StringBuilder out, String chunk, String field) {
        int slot = chunk.indexOf(CachedForms.SLOT);
        if (slot < 0) {
            out.append(chunk);
            return;
        }
        int from = 0;
        for (; slot >= 0; slot = chunk.indexOf(CachedForms.SLOT, from)) {
            out.append(chunk, from, slot).append(field);
            from = slot + CachedForms.SLOT.length();
        }
        out.append(chunk, from, chunk.length());
    }

    /** The markup with {@code field} in every slot. */
    String fill(String field) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        StringBuilder out = new StringBuilder(length + (parts.size() - 1) * field.length());
        out.append(parts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            out.append(field).append(parts.get(i));
        }
        return out.toString();
    }
}
