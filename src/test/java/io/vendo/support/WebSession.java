package io.vendo.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's HTTP conversation without the browser: a cookie jar, form login, and the CSRF token of the last page,
 * posted back as the page's own forms would. Redirects are not followed, so tests see them.
 */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final CookieManager cookies;
    private final HttpClient http;
    private final String baseUrl;
    private String csrf;

    public WebSession(int port) {
        this(port, new CookieManager(), "");
    }

    private WebSession(int port, CookieManager cookies, String csrf) {
        this.baseUrl = "http://localhost:" + port;
        this.cookies = cookies;
        this.csrf = csrf;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * The same browser talking to another replica of the portal (another port of this host): the same cookies, the
     * CSRF token of the page it fetched last, as when a load balancer sends the next request elsewhere.
     */
    public WebSession on(int port) {
        return new WebSession(port, cookies, csrf);
    }

    public WebSession logIn(String user) {
        get("/login");
        var response = post("/login", Map.of("username", user, "password", user));
        if (response.status() != 302 || response.location().contains("error")) {
            throw new AssertionError("Login as " + user + " failed: " + response);
        }
        // Logging in rotates the CSRF token: pick up the new one, as a browser would from its next page.
        get("/");
        return this;
    }

    /**
     * Logs in through the OIDC issuer ({@link OidcIssuer}) as a browser would: the portal sends the browser to the
     * issuer, the issuer back with a code, the portal exchanges it for tokens. Redirects are followed by hand, across
     * both hosts.
     */
    public WebSession logInThroughIssuer(String username, String email, List<String> groups) {
        OidcIssuer.nextLogin(username, email, groups);
        var response = get("/oauth2/authorization/vendo");
        for (int hop = 0;
                hop < 5
                        && response.status() == 302
                        && !response.location().startsWith(baseUrl + "/?")
                        && !response.location().equals(baseUrl + "/")
                        && !response.location().equals("/");
                hop++) {
            if (response.location().contains("/login?error")) {
                break;
            }
            response = get(response.location());
        }
        if (response.status() != 302 || response.location().contains("error")) {
            throw new AssertionError("Login of " + username + " through the issuer failed: " + response);
        }
        get("/");
        return this;
    }

    /** The value of a cookie the portal set, or {@code null}. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    public Response get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    /** A GET with these headers (an {@code Accept} among them replaces the browser's {@code text/html}). */
    public Response get(String pathOrUrl, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(uri(pathOrUrl)).GET();
        headers.forEach(request::header);
        if (!headers.containsKey("Accept")) {
            request.header("Accept", "text/html");
        }
        return exchange(request);
    }

    public Response head(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    /** Posts a form with the CSRF token of the page fetched last. */
    public Response post(String pathOrUrl, Map<String, String> fields) {
        var form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf);
        var body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a form as a forged cross-site form would: without the CSRF token. */
    public Response postWithoutCsrf(String pathOrUrl, Map<String, String> fields) {
        var body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response send(HttpRequest.Builder request) {
        return exchange(request.header("Accept", "text/html"));
    }

    private Response exchange(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var matcher = CSRF.matcher(response.body());
            if (matcher.find()) {
                csrf = matcher.group(1);
            }
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Location").orElse(""),
                    response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public record Response(int status, String location, String body, java.net.http.HttpHeaders headers) {

        /** The first value of a response header, or an empty string. */
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }
}
