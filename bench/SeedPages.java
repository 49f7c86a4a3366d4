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
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Seeds the page benchmark through the portal itself, as a business would: signs up, connects {@code connections}
 * platforms through the built-in sandbox (accounting first, then banks and shops), waits until every first sync has
 * ended, and prints two lines for {@code bench/pages.sh}: the session's {@code Cookie} header and the id of one
 * connection.
 *
 * <p>A company links one accounting platform at a time, so the banks and shops and one accounting platform are as
 * many connections as it can hold at once. Asked for more, it first changes books as often as needed: links an
 * accounting platform, lets it sync, deauthorizes it (its data stays, as the portal keeps it) and links the next.
 * Those former books are its oldest connections, and every row of every connection is one the portal wrote.
 *
 * <pre>
 * java bench/SeedPages.java http://localhost:8098 3 bench-3@example.com
 * </pre>
 */
public class SeedPages {

    private static final String PASSWORD = "bench password 12345";
    private static final Pattern PLATFORM = Pattern.compile("href=\"/connect/platforms/([a-z0-9-]+)\"");
    private static final Pattern CONNECTED = Pattern.compile("/connect/connected/(\\d+)");
    private static final Pattern GROUP = Pattern.compile("aria-labelledby=\"group-([a-z]+)\"");
    private static final Pattern LISTED = Pattern.compile("href=\"/connections/(\\d+)\"");
    /**
     * The platforms a lender asks for first: the books, then the bank accounts. A company links one accounting platform,
     * so the three-connection dashboard is Xero, Qonto and Barclays.
     */
    private static final List<String> FIRST = List.of("xero", "qonto", "barclays");

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

        String picker = HtmlForms.get(http, base.resolve("/connect/platforms"));
        Set<String> listed = new LinkedHashSet<>();
        Matcher link = PLATFORM.matcher(picker);
        while (link.find()) {
            listed.add(link.group(1));
        }
        Set<String> platforms = new LinkedHashSet<>(FIRST);
        platforms.addAll(listed);
        // Only what the picker offers counts towards what a company can hold.
        platforms.retainAll(listed);
        List<String> accounting = accountingPlatforms(picker);
        String books = platforms.stream().filter(accounting::contains).findFirst().orElseThrow();
        long atOnce = 1 + platforms.stream().filter(p -> !accounting.contains(p)).count();
        List<String> others = accounting.stream().filter(p -> !p.equals(books)).toList();
        List<Long> ids = new ArrayList<>(formerBooks(http, base, others, connections - atOnce));
        int formerBooks = ids.size();
        platforms.removeAll(others);
        for (String platform : platforms) {
            if (ids.size() == connections) {
                break;
            }
            connect(http, base, platform).ifPresent(ids::add);
        }
        if (ids.size() < connections) {
            throw new IllegalStateException("Only " + ids.size() + " of " + connections + " platforms connected");
        }
        waitForSyncs(http, base);
        checkDashboardLists(http, base, ids);

        String cookie = cookies.getCookieStore().get(base).stream()
                .map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
        System.out.println("Cookie: " + cookie);
        System.out.println(ids.size() == formerBooks ? "" : ids.get(formerBooks));
    }

    /** The sandbox's consent form, approved; empty when the platform cannot be connected through the sandbox. */
    private static Optional<Long> connect(HttpClient http, URI base, String platform) throws Exception {
        URI page = base.resolve("/connect/platforms/" + platform);
        HttpResponse<String> agreed = HtmlForms.post(http, page, HtmlForms.hidden(HtmlForms.get(http, page)), Map.of("agree", "yes"));
        String authorize = agreed.headers().firstValue("Location").orElse("");
        if (agreed.statusCode() != 303 || !authorize.contains("/sandbox/")) {
            return Optional.empty();
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
                return Optional.of(Long.parseLong(id.group(1)));
            }
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(next)).GET().build(), HttpResponse.BodyHandlers.ofString());
            next = base.resolve(response.headers().firstValue("Location").orElse("")).toString();
        }
        return Optional.empty();
    }

    /** Up to {@code count} accounting platforms linked, synced and deauthorized in turn: the ids of those connections. */
    private static List<Long> formerBooks(HttpClient http, URI base, List<String> accounting, long count)
            throws Exception {
        List<Long> ids = new ArrayList<>();
        for (String platform : accounting) {
            if (ids.size() >= count) {
                break;
            }
            Optional<Long> id = connect(http, base, platform);
            if (id.isPresent()) {
                // Deauthorized mid-sync, it would keep no data; former books keep what they synced.
                waitForSyncs(http, base);
                deauthorize(http, base, id.get());
                ids.add(id.get());
            }
        }
        return ids;
    }

    /** The platforms of the picker's accounting group, in its order. */
    private static List<String> accountingPlatforms(String picker) {
        Matcher group = GROUP.matcher(picker);
        int start = -1;
        int end = picker.length();
        while (group.find()) {
            if (start >= 0) {
                end = group.start();
                break;
            }
            if (group.group(1).equals("accounting")) {
                start = group.end();
            }
        }
        if (start < 0) {
            throw new IllegalStateException("The picker has no accounting group");
        }
        List<String> accounting = new ArrayList<>();
        Matcher platform = PLATFORM.matcher(picker.substring(start, end));
        while (platform.find()) {
            accounting.add(platform.group(1));
        }
        return accounting;
    }

    private static void deauthorize(HttpClient http, URI base, long id) throws Exception {
        URI form = base.resolve("/connections/" + id + "/deauthorize");
        HtmlForms.expect303(HtmlForms.post(http, form, HtmlForms.hidden(HtmlForms.get(http, form)), Map.of()),
                "deauthorizing connection " + id);
    }

    /** What is measured is what was seeded: the dashboard lists every connection made, and no other. */
    private static void checkDashboardLists(HttpClient http, URI base, List<Long> ids) throws Exception {
        Set<Long> listed = new TreeSet<>();
        Matcher link = LISTED.matcher(HtmlForms.get(http, base.resolve("/connections")));
        while (link.find()) {
            listed.add(Long.parseLong(link.group(1)));
        }
        if (!listed.equals(new TreeSet<>(ids))) {
            throw new IllegalStateException("The dashboard lists connections " + listed + ", not " + ids);
        }
    }

    private static void waitForSyncs(HttpClient http, URI base) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!HtmlForms.get(http, base.resolve("/connections")).contains("class=\"spinner")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The first syncs did not end within 5 minutes");
    }
}
