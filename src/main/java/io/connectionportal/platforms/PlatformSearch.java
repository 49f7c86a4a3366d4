package io.connectionportal.platforms;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds platforms as people type their names: case and accents ignored ("societe" finds Société Générale), spaces and
 * dashes too ("quick books"), and one typo forgiven, two in a long word ("quikbooks" finds QuickBooks), also while the
 * word is still being typed. {@code js/picker.js} filters the cards the same way in the browser; change both together.
 */
final class PlatformSearch {

    /** Below this many letters a typo is not forgiven: "xeo" would match too much. */
    private static final int FORGIVING_FROM = 4;

    /** From this many letters two typos are forgiven. */
    private static final int TWO_TYPOS_FROM = 8;

    /** The query is in the name: first. */
    static final int IN_NAME = 0;

    /** In the key or a keyword ("société générale" is a keyword of Shine): next. */
    static final int IN_KEYWORDS = 1;

    /** Found by forgiving a typo: last. */
    static final int FORGIVEN = 2;

    private PlatformSearch() {}

    static boolean matches(Platform platform, String query) {
        return rank(platform, query).isPresent();
    }

    /** How well the query finds the platform ({@link #IN_NAME} best), empty when it does not. */
    static OptionalInt rank(Platform platform, String query) {
        String q = fold(query);
        if (q.isEmpty()) {
            return OptionalInt.of(IN_NAME);
        }
        String compactQuery = compact(q);
        List<String> texts = texts(platform);
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text.contains(q) || (!compactQuery.isEmpty() && compact(text).contains(compactQuery))) {
                return OptionalInt.of(i == 0 ? IN_NAME : IN_KEYWORDS);
            }
        }
        if (compactQuery.length() < FORGIVING_FROM) {
            return OptionalInt.empty();
        }
        int allowed = compactQuery.length() >= TWO_TYPOS_FROM ? 2 : 1;
        for (String text : texts) {
            List<String> words = new ArrayList<>(List.of(text.split("[^\\p{L}\\p{N}]+")));
            words.add(compact(text));
            for (String word : words) {
                if (closeToAPrefix(compactQuery, word, allowed)) {
                    return OptionalInt.of(FORGIVEN);
                }
            }
        }
        return OptionalInt.empty();
    }

    /** Folded once per catalog entry: the picker shows every entry's texts on every view. */
    private static final Map<Platform, List<String>> TEXTS = new ConcurrentHashMap<>();

    /** What a query is compared with: the name, the key and each keyword, folded. */
    static List<String> texts(Platform platform) {
        return TEXTS.computeIfAbsent(platform, PlatformSearch::foldedTexts);
    }

    /** The texts joined by "|", as the picker's filter reads them. */
    static String searchText(Platform platform) {
        return SEARCH_TEXT.computeIfAbsent(platform, p -> String.join("|", texts(p)));
    }

    private static final Map<Platform, String> SEARCH_TEXT = new ConcurrentHashMap<>();

    private static List<String> foldedTexts(Platform platform) {
        List<String> texts = new ArrayList<>();
        texts.add(fold(platform.name()));
        texts.add(platform.key());
        platform.keywords().forEach(k -> texts.add(fold(k).replace('|', ' ')));
        return List.copyOf(texts);
    }

    /** Whether the query is within {@code allowed} edits of the word or of the part of it typed so far. */
    private static boolean closeToAPrefix(String query, String word, int allowed) {
        if (word.length() < FORGIVING_FROM - 1) {
            return false;
        }
        for (int length = query.length() - allowed; length <= query.length() + allowed; length++) {
            if (length >= FORGIVING_FROM - 1
                    && length <= word.length()
                    && distance(query, word.substring(0, length)) <= allowed) {
                return true;
            }
        }
        return false;
    }

    /** Edits (insert, delete, replace, swap two neighbours) between two words: optimal string alignment distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** Lower case without accents, so "societe" finds "Société Générale". */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    /** Letters and digits only: "quick books", "quick-books" and "quickbooks" are one. */
    private static String compact(String folded) {
        return folded.replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
