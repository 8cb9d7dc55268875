package io.vendo.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the portal's API over real HTTP: as one of the demo users (HTTP Basic, local profile), with an OAuth2 access
 * token, or anonymously.
 */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final @Nullable String authorization;

    private ApiClient(int port, @Nullable String authorization) {
        this.baseUrl = "http://localhost:" + port;
        this.authorization = authorization;
    }

    /** Demo users' passwords equal their names (local profile). */
    public static ApiClient as(String user, int port) {
        return new ApiClient(
                port,
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }

    /** With {@code Authorization: Bearer <token>}. */
    public static ApiClient withToken(String accessToken, int port) {
        return new ApiClient(port, "Bearer " + accessToken);
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient(port, null);
    }

    /** The {@code Authorization} header value this client sends, for other HTTP clients acting as the same user. */
    public String authorization() {
        return authorization;
    }

    /** Submits the demo blueprint and returns the new request's id; fails the test unless it was accepted. */
    public String submit(String target, String siteName, String justification) {
        var response = postJson(
                "/api/v1/requests",
                """
                {"blueprint": "static-website", "target": "%s",
                 "parameters": {"SiteName": "%s"}, "justification": "%s"}
                """
                        .formatted(target, siteName, justification));
        if (response.status() != 201) {
            throw new AssertionError("Submission was refused: " + response);
        }
        return response.body().path("id").asString();
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public Response postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    public Response post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response postJson(String path, String json, String idempotencyKey) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Sends a request to {@code path} that the caller shapes (method, headers, body) as this user. */
    public Response exchange(String path, UnaryOperator<HttpRequest.Builder> request) {
        return call(request.apply(HttpRequest.newBuilder(URI.create(baseUrl + path))));
    }

    private Response send(HttpRequest.Builder request) {
        return call(request.header("Accept", "application/json, application/problem+json"));
    }

    private Response call(HttpRequest.Builder request) {
        try {
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Idempotent-Replayed").isPresent(),
                    isJson(response) ? JSON.readTree(response.body()) : JSON.nullNode(),
                    response.headers().allValues("WWW-Authenticate"),
                    response.headers().firstValue("Location").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isJson(HttpResponse<String> response) {
        return !response.body().isEmpty()
                && response.headers().firstValue("Content-Type").orElse("").contains("json");
    }

    /** @param location the {@code Location} header, when the answer has one */
    public record Response(
            int status,
            String contentType,
            boolean replayed,
            JsonNode body,
            List<String> wwwAuthenticate,
            @Nullable String location) {}
}
