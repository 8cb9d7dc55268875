package io.vendo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vendo.support.ApiClient;
import io.vendo.support.PostgresSource;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Where a Docker engine exists, the portal runs on a PostgreSQL container wired the way Spring Boot wires one
 * ({@code @ServiceConnection}: no URL, user or password configured anywhere), and a request goes from submission
 * through approval to its (dry-run) end on it. Skipped, with the reason in the report, where the tests' PostgreSQL
 * is the embedded server ({@link PostgresSource}: no Docker engine, or {@code -Dvendo.test.postgres=embedded}).
 */
@ExtendWith(PostgresSource.OnlyWithTestcontainers.class)
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "vendo.aws.mode=dry-run",
            "vendo.scheduler.polling-interval=100ms",
            "vendo.request.secret-key-file=target/test-secret-parameters.key",
        })
@ActiveProfiles("local")
class PostgresContainerFlowTest {

    @Container
    @ServiceConnection
    static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRequestRunsToItsEndOnTheContainersPostgres() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
        assertThat(jdbc.queryForObject("select inet_server_port()", Integer.class))
                .isEqualTo(PostgreSQLContainer.POSTGRESQL_PORT);

        var id = ApiClient.as("requester", port).submit("sandbox-eu-west-1", "container-site", "On a container");
        var decided = ApiClient.as("approver", port)
                .postJson("/api/v1/requests/" + id + "/decisions", "{\"decision\": \"APPROVE\", \"comment\": \"ok\"}");
        assertThat(decided.status()).as(decided.toString()).isBetween(200, 201);

        var requester = ApiClient.as("requester", port);
        await().atMost(Duration.ofSeconds(30)).until(() -> requester
                .get("/api/v1/requests/" + id)
                .body()
                .path("state")
                .asString()
                .equals("DRY_RUN"));
    }
}
