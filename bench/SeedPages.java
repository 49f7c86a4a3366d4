import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Seeds the page benchmark through the portal itself, as a business would: signs up, connects {@code connections}
 * platforms through the built-in sandbox (accounting first, then banks and shops), waits until every first sync has
 * ended, and prints two lines for {@code bench/pages.sh}: the session's {@code Cookie} header and the id of one
 * connection.
 *
 * <pre>
 * java bench/SeedPages.java http://localhost:8098 3 bench-3@example.com
 * </pre>
 */
public class SeedPages {

    private static final String PASSWORD = "bench password 12345";
    private static final Pattern PLATFORM = Pattern.compile("href=\"/connect/platforms/([a-z0-9-]+)\"");
    private static final Pattern CONNECTED = Pattern.compile("/connect/connected/(\\d+)");
    /** Accounting first: the dashboard of three connections shows the platforms a lender asks for first. */
    private static final List<String> FIRST = List.of("xero", "quickbooks", "qonto");

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int connections = Integer.parseInt(args[1]);
        String email = args[2];
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        HtmlForms.expect303(HtmlForms.post(http, base.resolve("/signup"), HtmlForms.hidden(HtmlForms.get(http, base.resolve("/signup"))),
                Map.of("email", email, "password", PASSWORD, "companyName", "Bench " + email)), "sign-up");

        Set<String> platforms = new LinkedHashSet<>(FIRST);
        Matcher listed = PLATFORM.matcher(HtmlForms.get(http, base.resolve("/connect/platforms")));
        while (listed.find()) {
            platforms.add(listed.group(1));
        }
        List<Long> ids = new ArrayList<>();
        for (String platform : platforms) {
            if (ids.size() == connections) {
                break;
            }
            connect(http, base, platform).ifPresent(ids::add);
        }
        if (ids.size() < connections) {
            throw new IllegalStateException("Only " + ids.size() + " of " + connections + " platforms connected");
        }
        waitForSyncs(http, base, ids);

        String cookie = cookies.getCookieStore().get(base).stream()
                .map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
        System.out.println("Cookie: " + cookie);
        System.out.println(ids.isEmpty() ? "" : ids.get(0));
    }

    /** The sandbox's consent form, approved; empty when the platform cannot be connected through the sandbox. */
    private static java.util.Optional<Long> connect(HttpClient http, URI base, String platform) throws Exception {
        URI page = base.resolve("/connect/platforms/" + platform);
        HttpResponse<String> agreed = HtmlForms.post(http, page, HtmlForms.hidden(HtmlForms.get(http, page)), Map.of("agree", "yes"));
        String authorize = agreed.headers().firstValue("Location").orElse("");
        if (agreed.statusCode() != 303 || !authorize.contains("/sandbox/")) {
            return java.util.Optional.empty();
        }
        URI consent = base.resolve(authorize);
        String callback = HtmlForms.expect303(HtmlForms.post(http, URI.create(consent.toString().replaceFirst("\\?.*", "")),
                        HtmlForms.hidden(HtmlForms.get(http, consent)),
                        Map.of("email", "demo@sandbox.example", "password", "x", "decision", "allow")),
                "sandbox consent for " + platform);
        String next = base.resolve(callback).toString();
        // Follow the portal's redirects (callback, then perhaps a choice of organisation) to the connected page.
        for (int hop = 0; hop < 5; hop++) {
            Matcher id = CONNECTED.matcher(next);
            if (id.find()) {
                return java.util.Optional.of(Long.parseLong(id.group(1)));
            }
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(next)).GET().build(), HttpResponse.BodyHandlers.ofString());
            next = base.resolve(response.headers().firstValue("Location").orElse("")).toString();
        }
        return java.util.Optional.empty();
    }

    private static void waitForSyncs(HttpClient http, URI base, List<Long> ids) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!HtmlForms.get(http, base.resolve("/connections")).contains("class=\"spinner")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The first syncs did not end within 5 minutes");
    }
}
