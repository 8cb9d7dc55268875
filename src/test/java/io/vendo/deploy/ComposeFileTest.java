package io.vendo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * docker/compose.yaml, validated against the Compose Specification's JSON Schema (the one {@code docker compose}
 * validates with), and read for its wiring: Vendo reaches each service it needs at the address that service
 * listens on, every environment variable and every key of docker/vendo/application.yaml is a setting Vendo really
 * reads, and the OIDC issuer has one URL for the browser and for Vendo. No Docker engine exists here, so the stack
 * itself is not started.
 */
class ComposeFileTest {

    static final Path COMPOSE = Path.of("docker/compose.yaml");
    static final Path VENDO_CONFIG = Path.of("docker/vendo/application.yaml");
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static KnownSettings settings;

    @BeforeAll
    static void loadSettings() {
        settings = KnownSettings.load();
    }

    @Test
    void followsTheComposeSpecification() throws IOException {
        assertThat(specificationErrors(compose())).isEmpty();
    }

    @Test
    void theSpecificationCatchesMistakes() throws IOException {
        @SuppressWarnings("unchecked")
        var compose = (Map<String, Object>) compose();
        var vendo = service(compose, "vendo");
        vendo.put("ports", "8080:8080");
        vendo.put("depends_on", Map.of("postgres", Map.of("condition", "service_up")));
        vendo.put("restart_policy", "always");

        assertThat(specificationErrors(compose)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void vendoWaitsForAndReachesEveryServiceItNeeds() throws IOException {
        var compose = compose();
        var vendo = service(compose, "vendo");
        var environment = environment(vendo);

        assertThat(dependsOn(vendo))
                .containsEntry("postgres", "service_healthy")
                .containsEntry("localstack", "service_healthy")
                .containsKeys("mailpit", "oidc");

        var postgres = environment(service(compose, "postgres"));
        assertThat(environment.get("SPRING_DATASOURCE_URL"))
                .isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
        assertThat(environment.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(environment.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
        assertThat(service(compose, "postgres").get("image")).isEqualTo("postgres:17");

        assertThat(environment).containsEntry("SPRING_MAIL_HOST", "mailpit").containsEntry("SPRING_MAIL_PORT", "1025");
        assertThat(ports(service(compose, "mailpit"))).contains("8025:8025");

        assertThat(environment).containsEntry("AWS_ENDPOINT_URL", "http://localstack:4566");
        assertThat(ports(service(compose, "localstack"))).contains("4566:4566");

        assertThat(environment).containsEntry("VENDO_NOTIFICATION_BASE_URL", "http://localhost:8080");
        assertThat(ports(vendo)).contains("8080:8080");

        @SuppressWarnings("unchecked")
        var build = (Map<String, Object>) vendo.get("build");
        assertThat(COMPOSE.getParent().resolve((String) build.get("context")).resolve((String) build.get("dockerfile")))
                .isEqualTo(COMPOSE.getParent().resolve("..").resolve(DockerfileTest.DOCKERFILE))
                .exists();
    }

    @Test
    void theIssuerHasOneUrlForTheBrowserAndForVendo() throws IOException {
        var compose = compose();
        var oidc = service(compose, "oidc");
        var issuer = URI.create((String) vendoConfig().getProperty("vendo.identity.oidc.issuer-uri"));
        var port = environment(oidc).get("SERVER_PORT");

        assertThat(issuer.getHost())
                .as("a *.localhost name: browsers resolve it to this machine without any set-up")
                .endsWith(".localhost");
        assertThat(networkAliases(oidc))
                .as("... and inside the network it is the issuer's alias")
                .contains(issuer.getHost());
        assertThat(String.valueOf(issuer.getPort()))
                .as("the issuer listens inside on the port the host publishes")
                .isEqualTo(port);
        assertThat(ports(oidc)).contains(port + ":" + port);

        var mockConfig = JSON.readTree(Path.of("docker/oidc/config.json").toFile());
        assertThat(issuer.getPath())
                .isEqualTo("/" + mockConfig.at("/tokenCallbacks/0/issuerId").asString());
        assertThat(volumes(oidc))
                .contains("./oidc/config.json:" + environment(oidc).get("JSON_CONFIG_PATH") + ":ro");
        assertThat(COMPOSE.getParent().resolve("oidc/config.json")).exists();
    }

    @Test
    void vendoReadsItsSettingsFileFromTheMountedDirectory() throws IOException {
        var vendo = service(compose(), "vendo");
        var location = environment(vendo).get("SPRING_CONFIG_ADDITIONAL_LOCATION");

        assertThat(location).startsWith("optional:file:").endsWith("/");
        var directory = location.substring("optional:file:".length());
        assertThat(volumes(vendo)).contains("./vendo/application.yaml:" + directory + "application.yaml:ro");
    }

    @Test
    void everyEnvironmentVariableAndKeyIsASettingVendoReads() throws IOException {
        var environment = environment(service(compose(), "vendo"));
        var configuration = vendoConfig();

        assertThat(settings.unknownEnvironmentVariables(environment.keySet())).isEmpty();
        assertThat(settings.unknownKeys(configuration)).isEmpty();
        assertThat(settings.vendoValuesThatDoNotBind(configuration)).isEmpty();
        assertThat(settings.resolvedSetting("VENDO_IDENTITY_OIDC_CLIENT_SECRET"))
                .isEqualTo("vendo.identity.oidc.client-secret");
        assertThat(settings.resolvedSetting("VENDO_REQUEST_SECRET_KEY")).isEqualTo("vendo.request.secret-key");
    }

    @Test
    void theChecksRefuseSettingsThatDoNotExist() {
        assertThat(settings.unknownEnvironmentVariables(List.of(
                        "VENDO_IDENTITY_OIDC_CLIENT_SECRTE", "SPRING_DATASOURCE_URI", "AWS_ENDPOINT", "DEBUG_MODE")))
                .containsExactly(
                        "VENDO_IDENTITY_OIDC_CLIENT_SECRTE", "SPRING_DATASOURCE_URI", "AWS_ENDPOINT", "DEBUG_MODE");
        assertThat(settings.known("vendo.identity.groups.roles.anything")).isTrue();
        assertThat(settings.known("vendo.identity.grups.roles")).isFalse();
        assertThat(settings.known("spring.datasource.hikari.maximum-pool-size")).isTrue();
    }

    @Test
    void everyCredentialIsMarkedLocalOnly() throws IOException {
        var compose = compose();
        var vendo = environment(service(compose, "vendo"));

        assertThat(vendo.get("SPRING_DATASOURCE_PASSWORD")).contains("local-only");
        assertThat(vendo.get("VENDO_IDENTITY_OIDC_CLIENT_SECRET")).contains("local-only");
        var key = Base64.getDecoder().decode(vendo.get("VENDO_REQUEST_SECRET_KEY"));
        assertThat(key).as("AES-256").hasSize(32);
        assertThat(new String(key, StandardCharsets.US_ASCII)).contains("local-only");
        assertThat(Files.readString(COMPOSE)).contains("EVERY CREDENTIAL IN THIS FILE IS FOR THIS LOCAL STACK ONLY");
    }

    static Object compose() throws IOException {
        try (InputStream in = Files.newInputStream(COMPOSE)) {
            return new Yaml().load(in);
        }
    }

    static List<Error> specificationErrors(Object compose) throws IOException {
        try (var schema = ComposeFileTest.class.getResourceAsStream("/deploy/schemas/compose-spec.json")) {
            // Its "$id" is the relative "compose_spec.json", which the validator cannot resolve without a base; the
            // schema's own references are all local (#/definitions/…), so it is not needed.
            var document = (ObjectNode) JSON.readTree(schema);
            document.remove("$id");
            var specification = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                    .getSchema(document);
            JsonNode instance = JSON.valueToTree(compose);
            return specification.validate(instance);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(Object compose, String name) {
        var services = (Map<String, Object>) ((Map<String, Object>) compose).get("services");
        assertThat(services).containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> environment(Map<String, Object> service) {
        return (Map<String, String>) service.getOrDefault("environment", Map.of());
    }

    @SuppressWarnings("unchecked")
    static List<String> ports(Map<String, Object> service) {
        return (List<String>) service.getOrDefault("ports", List.of());
    }

    @SuppressWarnings("unchecked")
    static List<String> volumes(Map<String, Object> service) {
        return (List<String>) service.getOrDefault("volumes", List.of());
    }

    @SuppressWarnings("unchecked")
    static List<String> networkAliases(Map<String, Object> service) {
        var networks = (Map<String, Map<String, Object>>) service.get("networks");
        return (List<String>) networks.get("default").get("aliases");
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> dependsOn(Map<String, Object> service) {
        var dependencies = (Map<String, Map<String, String>>) service.get("depends_on");
        var conditions = new java.util.TreeMap<String, String>();
        dependencies.forEach((name, dependency) -> conditions.put(name, dependency.get("condition")));
        return conditions;
    }

    static EnumerablePropertySource<?> vendoConfig() throws IOException {
        var sources = new YamlPropertySourceLoader().load("compose", new FileSystemResource(VENDO_CONFIG));
        assertThat(sources).hasSize(1);
        return (EnumerablePropertySource<?>) sources.getFirst();
    }
}
