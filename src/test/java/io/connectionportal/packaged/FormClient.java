package io.connectionportal.packaged;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without JavaScript, over {@link HttpClient}: it keeps cookies, does not follow redirects (so the
 * test sees each answer), and posts a form with the hidden fields of the page it was shown, CSRF token
 * included.
 */
final class FormClient {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final HttpClient http;
    private final URI base;

    private final CookieManager cookies;

    FormClient(URI base) {
        this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private FormClient(URI base, CookieManager cookies) {
        this.base = base;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** The same browser (its cookies) talking to another address, such as one instance behind a balancer. */
    FormClient on(URI otherBase) {
        return new FormClient(otherBase, cookies);
    }

    /** GETs a path, or an absolute URL on the portal (a redirect's {@code Location}). */
    HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve(pathOrUrl))
                        .timeout(ANSWER_WITHIN)
                        .header("Accept-Language", "en")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Submits the form of {@code page} whose action is {@code action}: its hidden fields (the CSRF token among
     * them) and {@code fields}, as a browser posts what the person filled in.
     */
    HttpResponse<String> submit(HttpResponse<String> page, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> form = hiddenFields(formHtml(page, action));
        form.putAll(fields);
        if (!form.containsKey("csrf-token")) {
            throw new AssertionError("The form " + action + " on " + page.uri() + " has no CSRF token field");
        }
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(base.resolve(action))
                        .timeout(ANSWER_WITHIN)
                        .header("Accept-Language", "en")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Submits a multipart form of {@code page} with one file, as a browser sends an upload. */
    HttpResponse<String> upload(
            HttpResponse<String> page,
            String action,
            Map<String, String> fields,
            String fileField,
            String fileName,
            String contentType,
            byte[] content)
            throws IOException, InterruptedException {
        Map<String, String> form = hiddenFields(formHtml(page, action));
        form.putAll(fields);
        String boundary = "----portal-it-" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> field : form.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                            + "\"\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(base.resolve(action))
                        .timeout(ANSWER_WITHIN)
                        .header("Accept-Language", "en")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** GETs a path and keeps the answer's bytes, as a download is saved. */
    HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(ANSWER_WITHIN)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The {@code Location} of a 303, or an error that shows what came instead. */
    static String seeOther(HttpResponse<String> response) {
        if (response.statusCode() != 303) {
            throw new AssertionError("Expected a 303 from " + response.request().method() + " "
                    + response.uri().getPath() + " but got " + response.statusCode() + ": " + response.body());
        }
        return response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError("A 303 without Location from " + response.uri()));
    }

    /** The page's body, or an error when it is not a 200. */
    static String ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("Expected a 200 from " + response.uri() + " but got " + response.statusCode()
                    + response.headers()
                            .firstValue("Location")
                            .map(l -> " to " + l)
                            .orElse("") + ": "
                    + response.body());
        }
        return response.body();
    }

    private static String formHtml(HttpResponse<String> page, String action) {
        String html = ok(page);
        int start = html.indexOf("<form method=\"post\" action=\"" + action + "\"");
        int end = start < 0 ? -1 : html.indexOf("</form>", start);
        if (end < 0) {
            throw new AssertionError("No form posting to " + action + " on " + page.uri() + ": " + html);
        }
        return html.substring(start, end);
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(html);
        while (hidden.find()) {
            fields.put(hidden.group(1), unescape(hidden.group(2)));
        }
        return fields;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
