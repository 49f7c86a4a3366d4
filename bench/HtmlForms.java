import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** What the benchmarks' clients need to fill the portal's forms as a browser would: hidden fields, GET, POST, 303. */
final class HtmlForms {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private HtmlForms() {}

    /** The hidden fields of a page (the CSRF token, the form's state), to post back with the visible ones. */
    static Map<String, String> hidden(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        return fields;
    }

    static String get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static HttpResponse<String> post(HttpClient http, URI uri, Map<String, String> hidden, Map<String, String> fields)
            throws Exception {
        Map<String, String> form = new LinkedHashMap<>(hidden);
        form.putAll(fields);
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The redirect's target, or a failure naming the step that was not answered with one. */
    static String expect303(HttpResponse<String> response, String what) {
        if (response.statusCode() != 303) {
            throw new IllegalStateException(what + " answered " + response.statusCode());
        }
        return response.headers().firstValue("Location").orElseThrow();
    }
}
