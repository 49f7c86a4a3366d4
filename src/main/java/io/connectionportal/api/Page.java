package io.connectionportal.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list, oldest first, and the opaque cursor of the next page ({@code null} on the last). A cursor is
 * the position after the last item shown, so items created meanwhile are neither skipped nor shown twice.
 */
record Page<T>(
        List<T> data,
        @Schema(nullable = true, example = "YWZ0ZXI6NDI") String next) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    private static final String CURSOR_PREFIX = "after:";

    static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        int requested;
        try {
            requested = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            requested = 0;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new ProblemException(
                    Problem.invalid(List.of(new Problem.FieldError("limit", "must be between 1 and " + MAX_LIMIT))));
        }
        return requested;
    }

    /** The id after which the page starts: 0 without a cursor. */
    static long after(String cursor) {
        if (cursor == null) {
            return 0;
        }
        return decode(cursor)
                .orElseThrow(() -> new ProblemException(Problem.invalid(List.of(new Problem.FieldError(
                        "cursor",
                        "is not a cursor this API gave; pass the next value of the previous page as it is")))));
    }

    static String cursorAfter(long id) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((CURSOR_PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Long> decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(CURSOR_PREFIX)) {
                return Optional.empty();
            }
            long id = Long.parseLong(text.substring(CURSOR_PREFIX.length()));
            return id >= 0 ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
