package io.vendo.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.ApiClient;
import io.vendo.support.RawHttp;
import io.vendo.support.VendoIntegrationTest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests refused before any controller sees them — by Tomcat, by Spring Security's firewall, by the servlet
 * container's error dispatch — are answered with problem+json under {@code /api} (status in the body matching the
 * response's), while pages keep their HTML. Sent byte for byte over a socket, since no well-behaved client sends them.
 */
@VendoIntegrationTest
@TestPropertySource(properties = "vendo.aws.mode=dry-run")
class ContainerErrorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private RawHttp.Response send(String requestLine, Map<String, String> extraHeaders) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Authorization", ApiClient.as("requester", port).authorization());
        headers.put("Accept", "application/json");
        headers.putAll(extraHeaders);
        return RawHttp.send(port, requestLine, headers, new byte[0]);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "GET /api/v1/requests/%ZZ HTTP/1.1                  | 400",
                "GET /api/v1/requests/%2e%2e%2Fsecret HTTP/1.1      | 400",
                "GET /api/v1/requests/a%5Cb HTTP/1.1                | 400",
                "GET /api/v1/requests;jsessionid=1 HTTP/1.1         | 400",
                "GET /api/v1//requests HTTP/1.1                     | 400",
                "GET /api/v1/requests/%00 HTTP/1.1                  | 400",
                "FOO /api/v1/requests HTTP/1.1                      | 400",
                "TRACE /api/v1/requests HTTP/1.1                    | 405",
                "DELETE /api/v1/requests HTTP/1.1                   | 405",
                "GET /api/v1/no-such-thing HTTP/1.1                 | 404",
            })
    void refusedRequestsUnderTheApiAreProblemDetails(String requestLine, int status) {
        assertProblem(send(requestLine.strip(), Map.of()), status);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "oversized header       | X-Padding   | 20000",
                "unparseable Accept     | Accept      | ;;;",
                "CSV only               | Accept      | text/csv",
            })
    void refusedHeadersUnderTheApiAreProblemDetails(String what, String header, String value) {
        var headerValue = value.matches("\\d+") ? "a".repeat(Integer.parseInt(value)) : value;

        var response = send("GET /api/v1/requests HTTP/1.1", Map.of(header, headerValue));

        assertThat(response.status()).as(what).isBetween(400, 499);
        assertProblem(response, response.status());
    }

    @org.junit.jupiter.api.Test
    void tooManyHeadersAreAProblemToo() {
        var many = new LinkedHashMap<String, String>();
        for (var i = 0; i < 200; i++) {
            many.put("X-Header-" + i, "v".repeat(100));
        }

        var response = send("GET /api/v1/requests HTTP/1.1", many);

        assertThat(response.status()).isEqualTo(400);
        assertProblem(response, 400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"GET /requests/%ZZ HTTP/1.1", "GET /requests;jsessionid=1 HTTP/1.1", "GET /requests/a%5Cb HTTP/1.1"})
    void pagesKeepTheirHtml(String requestLine) {
        var response = send(requestLine, Map.of("Accept", "text/html"));

        assertThat(response.status()).isBetween(400, 404);
        assertThat(response.contentType()).startsWith("text/html");
    }

    private static void assertProblem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).isEqualTo("application/problem+json");
        var body = JSON.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asString()).isNotBlank();
    }
}
