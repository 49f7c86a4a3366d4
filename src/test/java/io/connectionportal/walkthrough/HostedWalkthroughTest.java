package io.connectionportal.walkthrough;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import io.connectionportal.connect.RedirectSignature;
import io.connectionportal.sync.SyncWorker;
import io.connectionportal.testing.Browser;
import io.connectionportal.testing.SandboxJourney;
import io.connectionportal.testing.WebhookReceiver;
import io.connectionportal.webhooks.WebhookDispatcher;

/**
 * Follows docs/integrating.md as an integrator would on a fresh clone: every curl command of the document, in its
 * order, runs against the portal (with the test's key and the ids the portal gave); between them the customer goes
 * through the hosted link, the redirect is verified with the document's own Java snippet, and a webhook with the
 * other. A command the product no longer answers, or a snippet that differs from the code here, fails the test.
 */
@QuarkusTest
class HostedWalkthroughTest {

    static final Path DOCUMENT = Path.of("docs", "integrating.md");
    private static final String KEY = "test-bootstrap-key-0123456789abcdefghijklmnop";
    private static final Pattern BLOCK = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern BACK_LINK =
            Pattern.compile("href=\"(https://app\\.lender\\.example/connected[^\"]*)\"");

    @TestHTTPResource("/")
    URL root;

    @Inject
    RedirectSignature signature;

    @Inject
    SyncWorker syncs;

    @Inject
    WebhookDispatcher webhooks;

    @WebhookReceiver.Server
    WireMockServer receiver;

    private final Map<String, String> ids = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyCommandOfTheWalkThroughWorksInItsOrder() throws Exception {
        List<Curl> commands = commands(Files.readString(DOCUMENT));
        assertTrue(commands.size() >= 12, "the walk-through's commands were found: " + commands.size());
        ids.put("cust_8812", "cust_" + UUID.randomUUID().toString().substring(0, 8));
        for (Curl command : commands) {
            Answer response = run(command);
            assertTrue(
                    response.statusCode() < 400,
                    command.method + " " + command.url + " answered " + response.statusCode() + ": " + response.body());
            if (command.method.equals("POST") && command.url.endsWith("/api/v1/companies")) {
                ids.put("/companies/42", "/companies/" + response.<Object>path("id"));
            } else if (command.url.endsWith("/links")) {
                ids.put("/links/15", "/links/" + response.<Object>path("id"));
                ids.put("/connections/7", "/connections/" + customerConnects(response.<String>path("url")));
            } else if (command.url.contains("/data/invoices")) {
                assertFalse(response.<List<?>>path("data").isEmpty(), "the customer's invoices are read");
            } else if (command.method.equals("DELETE") && command.url.matches(".*/companies/\\d+$")) {
                assertEquals(204, response.statusCode());
            }
        }
        assertTrue(ids.containsKey("/connections/7"), "the walk-through sent a customer through a hosted link");
    }

    @Test
    void theJavaSnippetsOfTheDocumentAreTheCodeThisTestRuns() throws IOException {
        String document = Files.readString(DOCUMENT);
        for (String source : List.of("PortalRedirects.java", "PortalWebhooks.java")) {
            String code = Files.readString(Path.of("src/test/java/io/connectionportal/walkthrough", source));
            List<String> expected = lines(code.substring(code.indexOf("import ")));
            boolean found = false;
            Matcher block = BLOCK.matcher(document);
            while (block.find() && !found) {
                found = lines(block.group(1)).equals(expected);
            }
            assertTrue(found, source + " is in docs/integrating.md as it is here");
        }
    }

    /** The customer's side of step 4: opens the link, connects Xero, and the redirect back is verified. */
    private long customerConnects(String url) throws Exception {
        Browser customer = new Browser();
        String path = SandboxJourney.path(url);
        customer.get(path).then().statusCode(200);
        customer.post(path, Map.of()).then().statusCode(303);
        Response fromProvider = SandboxJourney.answer(customer, "xero", SandboxJourney.ALLOW);
        customer.get(SandboxJourney.path(fromProvider.header("Location")))
                .then()
                .statusCode(303);
        Matcher back = BACK_LINK.matcher(customer.get("/link/done").body().asString());
        assertTrue(back.find(), "the last page leads back to the integrator");
        Map<String, String> query = query(back.group(1).replace("&amp;", "&"));
        assertTrue(PortalRedirects.verify(signature.secret(), query), "the documented check accepts the redirect");
        Map<String, String> forged = new LinkedHashMap<>(query);
        forged.put("status", "cancelled");
        assertFalse(PortalRedirects.verify(signature.secret(), forged), "and refuses a changed one");
        assertEquals("linked", query.get("status"));
        assertEquals(ids.get("cust_8812"), query.get("customer"), "the integrator's own parameter came back");
        syncs.runPending();
        webhooksVerified();
        return Long.parseLong(query.get("connectionId"));
    }

    /** The documented webhook check accepts what the portal sent for the new connection. */
    private void webhooksVerified() throws Exception {
        webhooks.runOnce();
        List<LoggedRequest> linked = receiver.findAll(postRequestedFor(urlEqualTo(WebhookReceiver.PATH))).stream()
                .filter(r -> r.getBodyAsString().contains("\"connection.linked\""))
                .toList();
        assertFalse(linked.isEmpty(), "connection.linked was delivered");
        LoggedRequest last = linked.get(linked.size() - 1);
        assertTrue(PortalWebhooks.verify(
                WebhookReceiver.SECRET,
                last.getHeader("webhook-id"),
                last.getHeader("webhook-timestamp"),
                last.getHeader("webhook-signature"),
                last.getBody()));
    }

    /** Sent as curl sends it: no header it was not given (RestAssured would add a Content-Type to a bare POST). */
    private Answer run(Curl command) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(substitute(command.url)))
                .method(
                        command.method,
                        command.body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(substitute(command.body)));
        command.headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    record Answer(int statusCode, String body) {
        <T> T path(String path) {
            return JsonPath.from(body).get(path);
        }
    }

    private String substitute(String text) {
        String result =
                text.replace("$PORTAL", root.toString().replaceAll("/$", "")).replace("$KEY", KEY);
        for (Map.Entry<String, String> id : ids.entrySet()) {
            result = result.replace(id.getKey(), id.getValue());
        }
        return result;
    }

    record Curl(String method, String url, Map<String, String> headers, String body) {}

    /** Every curl command of the document's code blocks, lines joined where they end with a backslash. */
    static List<Curl> commands(String document) {
        List<Curl> commands = new ArrayList<>();
        Matcher block = BLOCK.matcher(document);
        while (block.find()) {
            String code = block.group(1).replace("\\\n", " ");
            for (String line : code.split("\n")) {
                if (line.strip().startsWith("curl ")) {
                    commands.add(parse(words(line.strip())));
                }
            }
        }
        return commands;
    }

    private static Curl parse(List<String> words) {
        String method = null;
        String url = null;
        String body = null;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "-s", "-i" -> {}
                case "-X" -> method = words.get(++i);
                case "-H" -> {
                    String[] header = words.get(++i).split(":\\s*", 2);
                    headers.put(
                            header[0],
                            header[1]
                                    .replace("$KEY", KEY)
                                    .replace("$(uuidgen)", UUID.randomUUID().toString()));
                }
                case "-d" -> body = words.get(++i);
                default -> {
                    if (word.startsWith("-")) {
                        throw new AssertionError(
                                "The walk-through uses a curl option this test does not know: " + word);
                    }
                    url = word;
                }
            }
        }
        return new Curl(method != null ? method : body != null ? "POST" : "GET", url, headers, body);
    }

    /** Shell words: single quotes keep everything, double quotes keep spaces. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static Map<String, String> query(String url) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private static List<String> lines(String code) {
        return code.lines().map(String::stripTrailing).filter(l -> !l.isBlank()).toList();
    }
}
