package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Keeps the translations complete: every key in both languages, and no text written straight into a template. */
class MessageBundlesTest {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        assertTrue(Files.exists(MESSAGES.resolve(file)), file + " is missing");
        try (Reader reader = Files.newBufferedReader(MESSAGES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** Every bundle: {@code msg} (shared) and one per feature that has its own, e.g. {@code sandbox}. */
    private static List<String> bundles() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith("_en.properties"))
                    .map(name -> name.substring(0, name.length() - "_en.properties".length()))
                    .sorted().toList();
        }
    }

    @Test
    void everyKeyExistsInEnglishAndFrenchWithTheSamePlaceholders() throws IOException {
        assertTrue(bundles().contains("msg"));
        for (String bundle : bundles()) {
            Properties english = load(bundle + "_en.properties");
            Properties french = load(bundle + "_fr.properties");

            TreeSet<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
            onlyEnglish.removeAll(french.stringPropertyNames());
            TreeSet<String> onlyFrench = new TreeSet<>(french.stringPropertyNames());
            onlyFrench.removeAll(english.stringPropertyNames());
            assertEquals(new TreeSet<>(), onlyEnglish, "missing in " + bundle + "_fr.properties");
            assertEquals(new TreeSet<>(), onlyFrench, "missing in " + bundle + "_en.properties");

            for (String key : english.stringPropertyNames()) {
                assertTrue(!english.getProperty(key).isBlank(), "empty English text for " + bundle + ":" + key);
                assertTrue(!french.getProperty(key).isBlank(), "empty French text for " + bundle + ":" + key);
                assertEquals(placeholders(english.getProperty(key)), placeholders(french.getProperty(key)),
                        "placeholders differ for " + bundle + ":" + key);
            }
        }
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @Test
    void templatesHoldNoUntranslatedText() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8)
                        .replaceAll("(?s)\\{!.*?!}", "")
                        .replaceAll("(?s)<style.*?</style>", "");
                Matcher attributes = Pattern.compile("\\s(?:alt|title|aria-label|placeholder)=\"([^\"]*)\"").matcher(source);
                while (attributes.find()) {
                    check(file, "attribute", attributes.group(1), problems);
                }
                String text = withoutExpressions(source).replaceAll("(?s)<[^>]*>", " ");
                check(file, "text", text, problems);
            }
        }
        assertTrue(problems.isEmpty(), "Untranslated text in templates:\n" + String.join("\n", problems));
    }

    private static void check(Path file, String where, String content, List<String> problems) {
        Matcher word = Pattern.compile("\\p{L}{2,}").matcher(withoutExpressions(content).replaceAll("&[a-z]+;", " "));
        while (word.find()) {
            problems.add(file + " (" + where + "): \"" + word.group() + "\"");
        }
    }

    /** Qute expressions and sections may hold operators such as {@code <}, so they go before the markup does. */
    private static String withoutExpressions(String content) {
        return content.replaceAll("\\{[^{}]*}", " ");
    }

    @Test
    void theCheckCatchesLiteralText() {
        List<String> problems = new ArrayList<>();
        check(Path.of("example.html"), "text", "{msg:title} Welcome back {name}", problems);
        assertEquals(2, problems.size(), problems.toString());
    }
}
