package io.vendo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.vendo.support.VendoIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Actuator on a port of its own, as the Helm chart runs it: Prometheus scrapes that port without credentials, the
 * probes answer there, every other Actuator endpoint stays admin-only, and the portal's public port serves no
 * Actuator endpoint at all — only the probes' additional paths, for load balancers.
 */
@VendoIntegrationTest
@TestPropertySource(
        properties = {"management.server.port=0", "management.endpoint.health.probes.add-additional-paths=true"})
class ManagementPortTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void prometheusScrapesTheManagementPortWithoutCredentials() throws Exception {
        var scrape = get(managementPort, "/actuator/prometheus", null);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(scrape.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void theProbesAnswerOnTheManagementPort() throws Exception {
        assertThat(get(managementPort, "/actuator/health/liveness", null).body())
                .contains("\"status\":\"UP\"");
        assertThat(get(managementPort, "/actuator/health/readiness", null).body())
                .contains("\"status\":\"UP\"");
    }

    @Test
    void otherActuatorEndpointsStayAdminOnlyOnTheManagementPort() throws Exception {
        assertThat(get(managementPort, "/actuator/info", null).statusCode()).isEqualTo(401);
        assertThat(get(managementPort, "/actuator/info", basic("requester")).statusCode())
                .isEqualTo(403);
        assertThat(get(managementPort, "/actuator/info", basic("admin")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void thePortalsPortServesNoActuatorEndpointsButTheProbesAdditionalPaths() throws Exception {
        assertThat(get(port, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get(port, "/actuator/prometheus", basic("admin")).statusCode())
                .isEqualTo(404);

        var live = get(port, "/livez", null);
        var ready = get(port, "/readyz", null);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("\"status\":\"UP\"");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"");
    }

    private HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Demo users' passwords equal their names (local profile). */
    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
