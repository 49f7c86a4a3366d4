import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A closed-loop load check of the journey pages and the dashboard across several instances, as a round-robin load
 * balancer spreads them: {@code clients} threads, each with a signed-in business of its own set (accounts are
 * shared by {@code clients / accounts} threads), send GETs one after another for {@code seconds}, each request to
 * the next instance. Bounded in count and time: at most {@code clients} requests in flight, and every request has a
 * 10 s timeout. Prints requests, errors (anything but 200), throughput, p50 and p99, overall and per page.
 *
 * <pre>
 * java bench/Load.java 200 60 20 http://localhost:8181,http://localhost:8182
 * </pre>
 *
 * Each account is signed up and connects Xero through the sandbox of the first instance before the clock starts.
 */
public class Load {

    private static final String PASSWORD = "bench password 12345";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]*)\"");
    private static final Pattern CONNECTED = Pattern.compile("/connect/connected/(\\d+)");

    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int accountCount = Integer.parseInt(args[2]);
        List<URI> instances = Arrays.stream(args[3].split(",")).map(URI::create).toList();

        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < accountCount; i++) {
            accounts.add(Account.signUpAndConnect(instances.get(0), "load-" + System.nanoTime() + "@example.com"));
        }
        System.out.printf("%d accounts signed up, each with a connected Xero (sandbox)%n", accounts.size());

        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        AtomicLong requests = new AtomicLong();
        AtomicInteger nextInstance = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch done = new CountDownLatch(clients);
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Account account = accounts.get(c % accounts.size());
            pool.submit(() -> {
                try {
                    List<Long> mine = new ArrayList<>();
                    Map<String, List<Long>> byPage = new LinkedHashMap<>();
                    int step = 0;
                    while (System.nanoTime() < end) {
                        String page = account.pages.get(step++ % account.pages.size());
                        URI instance = instances.get(Math.floorMod(nextInstance.getAndIncrement(), instances.size()));
                        long t0 = System.nanoTime();
                        int status;
                        try {
                            status = account.http
                                    .send(
                                            HttpRequest.newBuilder(instance.resolve(page))
                                                    .timeout(Duration.ofSeconds(10))
                                                    .header("Accept-Language", "en")
                                                    .GET()
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                        } catch (Exception e) {
                            status = -1;
                        }
                        long micros = (System.nanoTime() - t0) / 1_000;
                        requests.incrementAndGet();
                        byPage.computeIfAbsent(label(page), k -> new ArrayList<>()).add(micros);
                        if (status != 200) {
                            errors.computeIfAbsent(label(page) + " → " + status, k -> new AtomicInteger())
                                    .incrementAndGet();
                        }
                    }
                    byPage.forEach((page, values) -> latencies
                            .computeIfAbsent(page, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                            .addAll(values));
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        List<Long> all = latencies.values().stream().flatMap(List::stream).sorted().toList();
        int errorCount = errors.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.printf(
                "%d clients, %.0f s, %d instances: %d requests, %d errors, %.0f req/s, p50 %.1f ms, p99 %.1f ms%n",
                clients, elapsed, instances.size(), requests.get(), errorCount, requests.get() / elapsed,
                percentile(all, 50), percentile(all, 99));
        latencies.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<Long> sorted = e.getValue().stream().sorted().toList();
            System.out.printf("  %-28s %7d requests  p50 %7.1f ms  p99 %7.1f ms%n",
                    e.getKey(), sorted.size(), percentile(sorted, 50), percentile(sorted, 99));
        });
        errors.forEach((what, count) -> System.out.printf("  error: %s × %d%n", what, count.get()));
        System.exit(errorCount == 0 ? 0 : 1);
    }

    private static String label(String page) {
        return page.replaceAll("/\\d+", "/{id}");
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1000.0;
    }

    /** A signed-in business with one connection, and the pages one of its people visits in turn. */
    private static final class Account {
        final HttpClient http;
        final List<String> pages;

        private Account(HttpClient http, List<String> pages) {
            this.http = http;
            this.pages = pages;
        }

        static Account signUpAndConnect(URI base, String email) throws Exception {
            HttpClient http = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            String signup = HtmlForms.get(http, base.resolve("/signup"));
            HtmlForms.expect303(HtmlForms.post(http, base.resolve("/signup"), HtmlForms.hidden(signup),
                    Map.of("email", email, "password", PASSWORD, "companyName", "Load " + email)), "sign-up");
            String platform = HtmlForms.get(http, base.resolve("/connect/platforms/xero"));
            String authorize = HtmlForms.expect303(
                    HtmlForms.post(http, base.resolve("/connect/platforms/xero"), HtmlForms.hidden(platform), Map.of("agree", "yes")),
                    "platform page");
            String consent = HtmlForms.get(http, URI.create(authorize));
            String callback = HtmlForms.expect303(
                    HtmlForms.post(http, URI.create(authorize.replaceFirst("\\?.*", "")), HtmlForms.hidden(consent),
                            Map.of("email", "demo@sandbox.example", "password", "x", "decision", "allow")),
                    "sandbox consent");
            HttpResponse<String> linked = http.send(
                    HttpRequest.newBuilder(URI.create(callback)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher id = CONNECTED.matcher(linked.headers().firstValue("Location").orElse(""));
            if (!id.find()) {
                throw new IllegalStateException("Not connected: " + linked.statusCode());
            }
            return new Account(http, List.of(
                    "/", "/connect", "/connect/platforms/xero", "/connections", "/connections/" + id.group(1),
                    "/privacy"));
        }

    }
}
