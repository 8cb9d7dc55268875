package io.vendo.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a browser gets besides the pages themselves: assets under content-hashed names, kept for a year and sent
 * compressed; pages compressed; and for page addresses that lead nowhere, an HTML page that says so (problem details
 * only for the API, or for callers asking for JSON).
 */
@VendoIntegrationTest
class AssetsAndErrorPagesTest {

    private static final Pattern ASSET = Pattern.compile("/assets/app-[0-9a-f]{32}\\.(css|js)");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void assetsHaveContentHashedNamesAreCachedForAYearAndComeCompressed() throws Exception {
        var login = fetch("/login", Map.of("Accept-Encoding", "gzip"));
        var html = gunzip(login);
        var links = ASSET.matcher(html).results().map(match -> match.group()).toList();
        assertThat(links).hasSize(2);

        for (var link : links) {
            // What Chromium sends.
            var brotli = fetch(link, Map.of("Accept-Encoding", "gzip, deflate, br, zstd"));
            assertThat(brotli.statusCode()).isEqualTo(200);
            assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
            assertThat(brotli.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value)
                    .contains("max-age=31536000")
                    .contains("public")
                    .contains("immutable")
                    .doesNotContain("no-store"));
            assertThat(brotli.headers().allValues("Vary")).anyMatch(value -> value.contains("Accept-Encoding"));

            var gzip = fetch(link, Map.of("Accept-Encoding", "gzip"));
            assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(gunzip(gzip)).isNotBlank();
        }
        // The name changes with the content: a name that is not the content's hash is not served as it.
        assertThat(fetch("/assets/app-00000000000000000000000000000000.css", Map.of())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void pagesAreCompressedButNeverCached() throws Exception {
        var page = fetch("/login", Map.of("Accept-Encoding", "gzip"));
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(page.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void pageAddressesThatLeadNowhereGetAnHtmlPage() {
        var session = new WebSession(port).logIn("requester");

        for (var path : new String[] {
            "/no/such/page", "/requests/3fa85f64", "/requests/" + UUID.randomUUID(), "/blueprints/no-such-blueprint"
        }) {
            var response = session.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(response.body())
                    .as(path)
                    .contains("<h1")
                    .contains("Back to the catalog")
                    .doesNotContain("\"status\":");
        }
        assertThat(session.get("/requests/3fa85f64").body()).contains("copied whole");
        // A module's refusal, in its own words, as a page.
        var unknown = UUID.randomUUID();
        assertThat(session.get("/requests/" + unknown).body())
                .contains("Unknown request")
                .contains("No request " + unknown);
        // A form's address opened as a page.
        var get = session.get("/requests/" + UUID.randomUUID() + "/cancel");
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.header("Content-Type")).startsWith("text/html");
    }

    @Test
    void problemDetailsAreForTheApiAndForCallersAskingForJson() {
        var session = new WebSession(port).logIn("requester");

        var api = session.get(
                "/api/v1/requests/3fa85f64",
                Map.of(
                        "Accept",
                        "application/json",
                        "Authorization",
                        "Basic " + java.util.Base64.getEncoder().encodeToString("requester:requester".getBytes())));
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.header("Content-Type")).startsWith("application/problem+json");

        var json = session.get("/no/such/page", Map.of("Accept", "application/json"));
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theAuditFilterTakesPlainDatesAndExplainsWhatItCannotRead() {
        var admin = new WebSession(port).logIn("admin");

        var plainDate = admin.get("/admin/audit?from=2026-01-01&to=2099-12-31");
        assertThat(plainDate.status()).isEqualTo(200);
        assertThat(plainDate.body()).doesNotContain("error-summary");

        var unreadable = admin.get("/admin/audit?from=yesterday&to=2026-02-30");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.header("Content-Type")).startsWith("text/html");
        assertThat(unreadable.body())
                .contains("id=\"error-summary\"")
                .contains("href=\"#from\"")
                .contains("href=\"#to\"")
                .contains("From: Enter a date such as 2026-11-01")
                .contains("value=\"yesterday\"");
        assertThat(unreadable.body().indexOf("href=\"#from\""))
                .isLessThan(unreadable.body().indexOf("href=\"#to\""));

        // The export refuses the same filters by sending the browser back to the page that explains them.
        var export = admin.get("/admin/audit.csv?from=yesterday");
        assertThat(export.status()).isEqualTo(303);
        assertThat(export.location()).endsWith("/admin/audit?from=yesterday");
    }

    private HttpResponse<byte[]> fetch(String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(HttpResponse<byte[]> response) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
