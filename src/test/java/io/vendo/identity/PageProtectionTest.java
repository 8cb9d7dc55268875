package io.vendo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.OidcIssuer;
import io.vendo.support.VendoIntegrationTest;
import io.vendo.support.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What protects the pages besides login: security headers, and CSRF tokens that forms must carry. */
@VendoIntegrationTest
@OidcIssuer.WithIssuer
class PageProtectionTest {

    @LocalServerPort
    int port;

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndTheUsualHeaders() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        var headers = response.headers();

        assertThat(headers.firstValue("Content-Security-Policy"))
                .hasValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' "
                        + OidcIssuer.hostedUi() + "; frame-ancestors 'none'");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(headers.firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        var session = new WebSession(port)
                .logInThroughIssuer("ravi", "ravi@example.com", List.of("vendo-requesters", "team-web-team"));

        var forged = session.postWithoutCsrf("/logout", Map.of());

        assertThat(forged.status()).isEqualTo(403);
        assertThat(session.get("/requests").status()).isEqualTo(200);
    }
}
