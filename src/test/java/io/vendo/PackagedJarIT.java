package io.vendo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vendo.support.ApiClient;
import io.vendo.support.AwsStub;
import io.vendo.support.CloudFormationSimulator;
import io.vendo.support.Mailbox;
import io.vendo.support.OidcIssuer;
import io.vendo.support.PackagedJar;
import io.vendo.support.PostgresServer;
import io.vendo.support.TestPostgres;
import io.vendo.support.WebSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The jar users deploy, started as they start it: {@code java -jar} in a process of its own, with the production
 * profile (no {@code local}: no demo users, no embedded database), every setting from the environment as a container
 * platform gives them. Its PostgreSQL is a real server outside the process, people log in through a real OIDC issuer,
 * its bearer tokens come from there, mail goes to a real SMTP server, and AWS is reached through the SDK at the tests'
 * AWS endpoint ({@code AWS_ENDPOINT_URL}). Then it is stopped as a platform stops it: SIGTERM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackagedJarIT {

    private static final String DATABASE = "vendo_packaged_jar";
    private static final String DATABASE_USER = "vendo_app";
    private static final String DATABASE_PASSWORD = "packaged-jar-test-only";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static PostgresServer postgres;
    private static CloudFormationSimulator aws;
    private static PackagedJar portal;

    @BeforeAll
    static void startThePackagedJar() throws IOException, SQLException {
        AwsStub.reset();
        aws = AwsStub.simulate();
        aws.stackDuration(Duration.ofMillis(500));
        postgres = TestPostgres.server();
        try (var connection = postgres.admin();
                var statement = connection.createStatement()) {
            statement.execute("create role " + DATABASE_USER + " login password '" + DATABASE_PASSWORD + "'");
            statement.execute("create database " + DATABASE + " owner " + DATABASE_USER);
        }
        // A deployment's catalog is a checkout on disk, not a resource in the jar.
        var catalog = Path.of("target", "packaged-jar", "catalog");
        FileSystemUtils.deleteRecursively(catalog);
        FileSystemUtils.copyRecursively(Path.of("src", "main", "resources", "catalog", "demo"), catalog);
        var key = new byte[32];
        new SecureRandom().nextBytes(key);

        var environment = new HashMap<String, String>();
        environment.put(
                "SPRING_DATASOURCE_URL",
                "jdbc:postgresql://%s:%d/%s".formatted(postgres.host(), postgres.port(), DATABASE));
        environment.put("SPRING_DATASOURCE_USERNAME", DATABASE_USER);
        environment.put("SPRING_DATASOURCE_PASSWORD", DATABASE_PASSWORD);
        environment.put("VENDO_IDENTITY_OIDC_ISSUER_URI", OidcIssuer.issuer());
        environment.put("VENDO_IDENTITY_OIDC_CLIENT_ID", OidcIssuer.PORTAL_CLIENT);
        environment.put("VENDO_IDENTITY_OIDC_CLIENT_SECRET", "packaged-jar-test-only");
        environment.put("VENDO_IDENTITY_OIDC_API_CLIENT_IDS", OidcIssuer.CLI_CLIENT);
        environment.put("VENDO_IDENTITY_GROUPS_TEAM_PREFIX", "team-");
        environment.put("VENDO_CATALOG_DIRECTORY", "file:" + catalog.toAbsolutePath());
        environment.put("VENDO_REQUEST_SECRET_KEY", Base64.getEncoder().encodeToString(key));
        environment.put("SPRING_MAIL_HOST", "127.0.0.1");
        environment.put(
                "SPRING_MAIL_PORT", String.valueOf(Mailbox.server().getSmtp().getPort()));
        environment.put("AWS_ENDPOINT_URL", AwsStub.endpoint());
        environment.put("AWS_REGION", "eu-west-1");
        environment.put("AWS_ACCESS_KEY_ID", "AKIAVENDOTESTING0001");
        environment.put("AWS_SECRET_ACCESS_KEY", "vendo-test-only-not-a-secret");
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        // Polled in seconds rather than a minute, so that the request below ends while the test waits.
        environment.put("VENDO_SCHEDULER_POLLING_INTERVAL", "500ms");
        environment.put("VENDO_EXECUTION_FIRST_POLL_DELAY", "500ms");
        environment.put("VENDO_EXECUTION_CHANGE_SET_POLL_DELAY", "500ms");
        environment.put("VENDO_EXECUTION_MAX_POLL_DELAY", "1s");

        portal = PackagedJar.start("vendo", environment, Duration.ofMinutes(3));
        var startup = "Packaged jar: ready %d ms after java -jar; Spring Boot reports %d ms%n"
                .formatted(
                        portal.untilReady().toMillis(), portal.reportedStartup().toMillis());
        System.out.print(startup);
        Files.writeString(
                Path.of("target", "packaged-jar", "startup.txt"),
                Instant.now() + " " + startup,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static HttpResponse<String> http(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    @Order(1)
    void isReadyAndLiveOnItsHealthGroups() {
        var anonymous = ApiClient.anonymous(portal.port());
        var readiness = anonymous.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body().path("status").asString()).isEqualTo("UP");
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        // No local-only parts in production: no demo users, so no password login at all.
        assertThat(portal.output()).doesNotContain("demo users").contains("AWS is configured");
        assertThat(anonymous.get("/api/v1/blueprints").status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void submitsReadsAndExecutesARequestWithBearerTokens() {
        var requester = ApiClient.withToken(
                OidcIssuer.userAccessToken("jar-requester", List.of("vendo-requesters", "team-web-team")),
                portal.port());
        assertThat(requester.get("/api/v1/blueprints").body().toString()).contains("static-website");

        var submitted = http(
                HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/api/v1/requests"))
                        .header("Authorization", requester.authorization())
                        .header("Content-Type", "application/json")
                        .header("X-Request-Id", "jar-submission-1")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        """
                        {"blueprint": "static-website", "target": "sandbox-eu-west-1",
                         "parameters": {"SiteName": "jar-site"}, "justification": "Started from the packaged jar"}
                        """)));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        assertThat(submitted.headers().firstValue("X-Request-Id")).hasValue("jar-submission-1");
        var id = JSON.readTree(submitted.body()).path("id").asString();

        var read = requester.get("/api/v1/requests/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("state").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(read.body().path("requester").asString()).isEqualTo("jar-requester");
        assertThat(read.body().path("team").asString()).isEqualTo("web-team");

        var approver = ApiClient.withToken(
                OidcIssuer.userAccessToken("jar-approver", List.of("vendo-approvers", "team-platform-team")),
                portal.port());
        var decided = approver.postJson(
                "/api/v1/requests/" + id + "/decisions", "{\"decision\": \"APPROVE\", \"comment\": \"ok\"}");
        assertThat(decided.status()).as(decided.toString()).isBetween(200, 201);

        // The scheduler in the jar runs it against the AWS endpoint through the SDK, to the end.
        await().atMost(Duration.ofSeconds(60)).until(() -> requester
                .get("/api/v1/requests/" + id)
                .body()
                .path("state")
                .asString()
                .equals("SUCCEEDED"));
        assertThat(aws.stacks()).hasSize(1);
    }

    @Test
    @Order(3)
    void sendsTheBrowserToTheIssuerToLogIn() throws SQLException {
        var browser = new WebSession(portal.port());
        var home = browser.get("/");
        assertThat(home.status()).isEqualTo(302);
        assertThat(home.location()).endsWith("/oauth2/authorization/vendo");
        var toIssuer = browser.get(home.location());
        assertThat(toIssuer.status()).isEqualTo(302);
        assertThat(toIssuer.location())
                .startsWith(OidcIssuer.issuer() + "/authorize")
                .contains("client_id=" + OidcIssuer.PORTAL_CLIENT);

        var person = new WebSession(portal.port())
                .logInThroughIssuer("jar-person", "jar-person@example.com", List.of("vendo-requesters"));
        var page = person.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("jar-person");
        // The session is the database's (Spring Session JDBC), so any replica could serve the next click.
        try (var connection = DriverManager.getConnection(
                        "jdbc:postgresql://%s:%d/%s".formatted(postgres.host(), postgres.port(), DATABASE),
                        DATABASE_USER,
                        DATABASE_PASSWORD);
                var statement = connection.prepareStatement(
                        "select count(*) from spring_session where principal_name = 'jar-person'");
                var rows = statement.executeQuery()) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }

        // The local run's outbox does not exist here, for anyone, and nothing links it.
        assertThat(page.body()).doesNotContain("/local/outbox");
        assertThat(person.get("/local/outbox").status()).isEqualTo(404);
        assertThat(new WebSession(portal.port()).get("/local/outbox").location())
                .endsWith("/oauth2/authorization/vendo");
    }

    @Test
    @Order(4)
    void logsOneJsonObjectPerLineWithTheRequestIdAndTheUser() {
        // Every line is the application's JSON, except warnings the JVM itself may print (on some JDKs).
        var logged = portal.outputLines().stream()
                .filter(line -> !line.isBlank() && !line.startsWith("WARNING: "))
                .map(JSON::readTree)
                .toList();
        assertThat(logged).as("log lines").hasSizeGreaterThan(10).allSatisfy(line -> {
            assertThat(line.isObject()).isTrue();
            assertThat(line.path("@timestamp").isString()).isTrue();
            assertThat(line.path("log").path("level").isString()).isTrue();
        });

        var submission = logged.stream()
                .filter(line -> line.path("message").asString().contains("submitted"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no submission logged:\n" + portal.tail()));
        assertThat(submission.path("http").path("request").path("id").asString())
                .isEqualTo("jar-submission-1");
        assertThat(submission.path("user").path("name").asString()).isEqualTo("jar-requester");
        System.out.println("Packaged jar: a log line of the submission: " + submission);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void stopsGracefullyOnSigterm() {
        var stopping = System.nanoTime();
        var exitCode = portal.terminate(Duration.ofSeconds(30));
        var stopped = Duration.ofNanos(System.nanoTime() - stopping);
        System.out.printf("Packaged jar: stopped %d ms after SIGTERM, exit code %s%n", stopped.toMillis(), exitCode);

        assertThat(exitCode)
                .as("exit code within 30 s of SIGTERM\n" + portal.tail())
                .isEqualTo(0);
        assertThat(portal.output()).contains("Commencing graceful shutdown").contains("Graceful shutdown complete");
    }
}
