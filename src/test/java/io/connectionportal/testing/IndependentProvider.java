package io.connectionportal.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * An independent OAuth 2.0 server (mock-oauth2-server) configured exactly as the README's "Try a real provider locally"
 * says: the server's {@code JSON_CONFIG} and the platform's property lines are read from the README itself, only
 * the server's address changed to where this run's server listens. {@value #ISS_REQUIRED_PLATFORM} gets the same lines
 * plus {@code iss-parameter-supported=true}, which this server (sending no {@code iss}) cannot satisfy. Applies to
 * every {@code @QuarkusTest} (not restricted), so there is still one boot.
 */
@QuarkusTestResource(IndependentProvider.class)
public class IndependentProvider implements QuarkusTestResourceLifecycleManager {

    public static final Path README = Path.of("README.md");
    /** The address the README's docker command publishes the server on. */
    public static final String README_ADDRESS = "http://localhost:8090";

    public static final String PLATFORM = "tiime";
    /** An operator who declared RFC 9207 support for a provider that never sends {@code iss}. */
    public static final String ISS_REQUIRED_PLATFORM = "indy";

    private static final Pattern SECTION =
            Pattern.compile("### Try a real provider locally\\n(.*?)\\n## ", Pattern.DOTALL);
    private static final Pattern JSON_CONFIG = Pattern.compile("JSON_CONFIG='([^']*)'");
    private static final Pattern IMAGE = Pattern.compile("ghcr\\.io/navikt/mock-oauth2-server:([0-9.]+)");
    private static final Pattern PROPERTIES = Pattern.compile("```properties\\n(.*?)```", Pattern.DOTALL);

    /** Marks the test field that receives the running server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {}

    private MockOAuth2Server server;

    /** The README's walk-through, as written. */
    public record Walkthrough(String jsonConfig, String imageVersion, Map<String, String> properties) {}

    public static Walkthrough readme() {
        String text;
        try {
            text = Files.readString(README);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String section = find(SECTION, text, "the README's section \"Try a real provider locally\"");
        Map<String, String> properties = new LinkedHashMap<>();
        for (String line : find(PROPERTIES, section, "its ```properties block").split("\n")) {
            if (!line.isBlank()) {
                String[] pair = line.split("=", 2);
                properties.put(pair[0].strip(), pair[1].strip());
            }
        }
        return new Walkthrough(
                find(JSON_CONFIG, section, "its JSON_CONFIG"), find(IMAGE, section, "its image tag"), properties);
    }

    private static String find(Pattern pattern, String text, String what) {
        Matcher found = pattern.matcher(text);
        if (!found.find()) {
            throw new IllegalStateException("README.md: " + what + " is missing");
        }
        return found.group(1);
    }

    @Override
    public Map<String, String> start() {
        Walkthrough readme = readme();
        server = new MockOAuth2Server(OAuth2Config.Companion.fromJson(readme.jsonConfig()));
        server.start();
        String address = server.baseUrl().toString().replaceAll("/$", "");
        Map<String, String> settings = new LinkedHashMap<>();
        readme.properties().forEach((name, value) -> {
            String here = value.replace(README_ADDRESS, address);
            settings.put(name, here);
            String other = "portal.connectors." + ISS_REQUIRED_PLATFORM + ".";
            settings.put(
                    name.replace("portal.connectors." + PLATFORM + ".", other),
                    here.replace("/" + PLATFORM + "/", "/" + ISS_REQUIRED_PLATFORM + "/"));
        });
        settings.put("portal.connectors." + ISS_REQUIRED_PLATFORM + ".iss-parameter-supported", "true");
        return settings;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(
                server, new TestInjector.AnnotatedAndMatchesType(Server.class, MockOAuth2Server.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdown();
        }
    }
}
