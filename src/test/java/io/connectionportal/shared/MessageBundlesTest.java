package io.connectionportal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.junit.jupiter.api.Test;

/**
 * Keeps the translations complete and tidy: every key in both languages, every key declared by a bundle
 * interface (so none is left behind when a text moves or goes), and no text written straight into a template.
 */
class MessageBundlesTest {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java");
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
                    .sorted()
                    .toList();
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
                assertEquals(
                        placeholders(english.getProperty(key)),
                        placeholders(french.getProperty(key)),
                        "placeholders differ for " + bundle + ":" + key);
            }
        }
    }

    @Test
    void everyKeyIsDeclaredByItsBundleInterfaceAndEveryDeclaredKeyHasAText() throws Exception {
        Map<String, TreeSet<String>> declared = declaredKeys();
        assertEquals(
                new TreeSet<>(bundles()), new TreeSet<>(declared.keySet()), "bundle interfaces and property files");
        for (String bundle : bundles()) {
            TreeSet<String> undeclared =
                    new TreeSet<>(load(bundle + "_en.properties").stringPropertyNames());
            undeclared.removeAll(declared.get(bundle));
            assertEquals(
                    new TreeSet<>(),
                    undeclared,
                    "keys of " + bundle + "_en.properties that no method of its bundle declares");
            TreeSet<String> missing = new TreeSet<>(declared.get(bundle));
            missing.removeAll(load(bundle + "_en.properties").stringPropertyNames());
            assertEquals(
                    new TreeSet<>(),
                    missing,
                    "keys declared by the " + bundle + " bundle but missing in " + bundle + "_en.properties");
        }
    }

    /** The keys each {@code @MessageBundle} interface of the application reads, by bundle name. */
    private static Map<String, TreeSet<String>> declaredKeys() throws Exception {
        Map<String, TreeSet<String>> keys = new HashMap<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            if (!Files.readString(source, StandardCharsets.UTF_8).contains("@MessageBundle")) {
                continue;
            }
            String name = SOURCES.relativize(source)
                    .toString()
                    .replace(".java", "")
                    .replace(source.getFileSystem().getSeparator(), ".");
            Class<?> type = Class.forName(name);
            MessageBundle bundle = type.getAnnotation(MessageBundle.class);
            // A top-level interface without a name is the default bundle.
            String bundleName =
                    bundle.value().equals(MessageBundle.DEFAULTED_NAME) ? MessageBundle.DEFAULT_NAME : bundle.value();
            TreeSet<String> bundleKeys = keys.computeIfAbsent(bundleName, b -> new TreeSet<>());
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Message.class)) {
                    bundleKeys.addAll(keys(method));
                }
            }
        }
        return keys;
    }

    /**
     * A method's key is its name (no bundle here sets another key); a method taking only an enum reads one key
     * per constant, {@code method_CONSTANT}, or {@code method_$CONSTANT} when any constant has an underscore (Qute's rule).
     */
    private static List<String> keys(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length != 1 || !parameters[0].isEnum()) {
            return List.of(method.getName());
        }
        List<String> constants = Arrays.stream(parameters[0].getEnumConstants())
                .map(c -> ((Enum<?>) c).name())
                .toList();
        String separator = constants.stream().anyMatch(c -> c.contains("_")) ? "_$" : "_";
        return constants.stream().map(c -> method.getName() + separator + c).toList();
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
                Matcher attributes = Pattern.compile("\\s(?:alt|title|aria-label|placeholder)=\"([^\"]*)\"")
                        .matcher(source);
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
        Matcher word = Pattern.compile("\\p{L}{2,}")
                .matcher(withoutExpressions(content).replaceAll("&[a-z]+;", " "));
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
