package org.formhaus.testing;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cookie-keeping HTTP client that signs in to the admin UI like a browser does (GET the form, POST it with its
 * CSRF token) and then calls pages and the admin API with the session. One per simulated browser; not thread-safe.
 */
public final class AdminBrowserSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf(?:-token)?\" (?:value|content)=\"([^\"]+)\"");

    private final TestServer server;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String csrf;

    public AdminBrowserSession(TestServer server) {
        this.server = server;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Opens the sign-in form and posts it; @return the reply to the POST (303 on success) */
    public HttpResponse<String> signIn(String email, String password) throws Exception {
        HttpResponse<String> form = get("/admin/login");
        csrf = csrfIn(form.body());
        HttpResponse<String> reply = postForm("/admin/login", Map.of("email", List.of(email),
                "password", List.of(password), "csrf", List.of(csrf)));
        if (reply.statusCode() == 303) {
            // The token of the signed-in session, as every page carries it.
            csrf = csrfIn(get("/admin").body());
        }
        return reply;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(server.uri(path)).GET());
    }

    public HttpResponse<String> postForm(String path, Map<String, List<String>> fields) throws Exception {
        return send(HttpRequest.newBuilder(server.uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(TestServer.encode(fields)))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** An admin API call with the session cookie and, when {@code csrfHeader} is not null, that CSRF header. */
    public HttpResponse<String> api(String method, String path, String body, String csrfHeader) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (csrfHeader != null) {
            request.header("X-CSRF-Token", csrfHeader);
        }
        return send(request);
    }

    /** An admin API call with the session's own CSRF token. */
    public HttpResponse<String> api(String method, String path, String body) throws Exception {
        return api(method, path, body, csrf);
    }

    public String csrf() {
        return csrf;
    }

    /** Reads the session's CSRF token again from a page (after the session changed it, e.g. switching accounts). */
    public String refreshCsrf() throws Exception {
        csrf = csrfIn(get("/admin").body());
        return csrf;
    }

    public List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #send}, keeping the body's bytes (downloads). */
    public HttpResponse<byte[]> sendBytes(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public static String csrfIn(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("No CSRF token in the page: " + html);
        }
        return m.group(1);
    }
}
