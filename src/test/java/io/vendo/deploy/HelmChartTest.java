package io.vendo.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ByteArrayResource;

/**
 * The Helm chart, linted and rendered by Helm itself (helm-java embeds Helm as a native library), every rendered
 * object validated against Kubernetes' API, and a three-replica production render checked for what makes N replicas
 * safe: probes on Actuator's health groups, a disruption budget, keyless AWS access through IRSA, secrets only by
 * reference, a read-only root file system, graceful shutdown, and settings that Vendo really reads.
 */
class HelmChartTest {

    static final Path CHART = Path.of("helm/vendo");
    static final Path PRODUCTION = CHART.resolve("examples/production.yaml");
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/vendo-portal";

    private static KnownSettings settings;

    @BeforeAll
    static void loadSettings() {
        settings = KnownSettings.load();
    }

    @Test
    void lintsWithoutWarnings() {
        var result = new Helm(CHART).lint().strict().call();

        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
    }

    @Test
    void theProductionExampleRendersIntoObjectsKubernetesAccepts() {
        var manifests = render(template -> template.withValuesFile(PRODUCTION));

        assertThat(kinds(manifests))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "ConfigMap", 1,
                        "Deployment", 1,
                        "Ingress", 1,
                        "NetworkPolicy", 1,
                        "PodDisruptionBudget", 1,
                        "Service", 1,
                        "ServiceAccount", 1,
                        "ServiceMonitor", 1));
        assertValid(manifests);
        assertThat(deployment(manifests).path("spec.replicas")).isEqualTo(3);
    }

    @Test
    void theValidationRefusesWhatKubernetesWouldRefuse() {
        var manifests = render(template -> required(template).set("metrics.serviceMonitor.enabled", true));
        var container =
                deployment(manifests).object("spec.template.spec.containers[0]").content();
        container.put("livenesProbe", container.remove("livenessProbe"));
        container.put("ports", List.of(Map.of("name", "http", "containerPort", "eighty")));
        var monitor = only(manifests, "ServiceMonitor").object("spec").content();
        monitor.put("endpoint", monitor.remove("endpoints"));
        only(manifests, "ServiceAccount").content().put("automountToken", false);

        var problems = manifests.stream()
                .flatMap(manifest -> KubernetesManifests.problems(manifest).stream())
                .toList();

        assertThat(problems)
                .anyMatch(problem -> problem.contains("`livenesProbe`"))
                .anyMatch(problem ->
                        problem.startsWith("monitoring.coreos.com/v1/ServiceMonitor") && problem.contains("endpoint"))
                .anyMatch(problem -> problem.startsWith("v1/ServiceAccount") && problem.contains("automountToken"));
        container.put("livenessProbe", container.remove("livenesProbe"));
        assertThat(KubernetesManifests.problems(deployment(manifests).content()))
                .singleElement()
                .asString()
                .contains("eighty");
    }

    @Test
    void everyOptionalObjectRendersValidToo() {
        var manifests = render(template -> required(template)
                .set("autoscaling.enabled", true)
                .set("ingress.enabled", true)
                .set("ingress.className", "nginx")
                .set("ingress.tlsSecretName", "vendo-tls")
                .set("networkPolicy.enabled", true)
                .set("networkPolicy.httpFrom[0].namespaceSelector.matchLabels.name", "ingress-nginx")
                .set("metrics.serviceMonitor.enabled", true)
                .set("oidc.existingSecret", "vendo-oidc")
                .set("oidc.cognitoDomain", "https://vendo.auth.eu-west-1.amazoncognito.com")
                .set("publicUrl", "https://vendo.example.com"));

        assertThat(kinds(manifests))
                .containsKeys("HorizontalPodAutoscaler", "Ingress", "NetworkPolicy", "ServiceMonitor");
        assertValid(manifests);
        var deployment = deployment(manifests);
        assertThat(deployment.path("spec.replicas"))
                .as("the autoscaler owns the replica count")
                .isNull();
        var hpa = only(manifests, "HorizontalPodAutoscaler");
        assertThat(hpa.path("spec.minReplicas")).isEqualTo(2);
        assertThat(hpa.path("spec.scaleTargetRef.name")).isEqualTo(deployment.path("metadata.name"));
    }

    @Test
    void threeReplicasProbeActuatorsHealthGroupsAndSurviveDisruptions() {
        var manifests = render(template -> required(template).set("replicaCount", 3));
        assertValid(manifests);
        var deployment = deployment(manifests);
        var container = deployment.object("spec.template.spec.containers[0]");

        assertThat(deployment.path("spec.replicas")).isEqualTo(3);
        assertThat(deployment.path("spec.strategy.rollingUpdate.maxUnavailable"))
                .isEqualTo(0);
        assertThat(container.path("startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(container.path("livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(container.path("readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        for (var probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(container.path(probe + ".httpGet.port")).isEqualTo("management");
        }
        assertThat(container.path("ports[1]"))
                .isEqualTo(Map.of("name", "management", "containerPort", 8081, "protocol", "TCP"));

        var budget = only(manifests, "PodDisruptionBudget");
        assertThat(budget.path("spec.maxUnavailable")).isEqualTo(1);
        assertThat(budget.path("spec.selector.matchLabels"))
                .isEqualTo(deployment.path("spec.selector.matchLabels"))
                .isEqualTo(only(manifests, "Service").path("spec.selector"));

        var spread = deployment.list("spec.template.spec.topologySpreadConstraints");
        assertThat(spread)
                .extracting(constraint -> constraint.get("topologyKey"))
                .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
    }

    @Test
    void awsAccessIsKeylessThroughIrsa() {
        var manifests = render(template -> required(template).set("serviceAccount.roleArn", ROLE_ARN));
        var account = only(manifests, "ServiceAccount");
        var deployment = deployment(manifests);

        assertThat(account.path("metadata.annotations")).isEqualTo(Map.of("eks.amazonaws.com/role-arn", ROLE_ARN));
        assertThat(deployment.path("spec.template.spec.serviceAccountName")).isEqualTo(account.path("metadata.name"));
        assertThat(environmentNames(deployment))
                .as("no AWS keys: EKS injects AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE for the SDK's default chain")
                .noneMatch(name -> name.startsWith("AWS_ACCESS_KEY") || name.startsWith("AWS_SECRET"));
    }

    @Test
    void secretsReachThePodsOnlyByReference() {
        var manifests = render(template -> template.withValuesFile(PRODUCTION));
        var deployment = deployment(manifests);

        assertThat(kinds(manifests)).doesNotContainKey("Secret");
        var secretReferences = new TreeMap<String, String>();
        for (var variable : deployment.list("spec.template.spec.containers[0].env")) {
            var name = (String) variable.get("name");
            if (name.contains("PASSWORD") || name.contains("SECRET")) {
                assertThat(variable).as(name).doesNotContainKey("value");
                @SuppressWarnings("unchecked")
                var reference =
                        (Map<String, Object>) ((Map<String, Object>) variable.get("valueFrom")).get("secretKeyRef");
                secretReferences.put(name, reference.get("name") + "/" + reference.get("key"));
            }
        }
        assertThat(secretReferences)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "SPRING_DATASOURCE_PASSWORD", "vendo-database/password",
                        "VENDO_IDENTITY_OIDC_CLIENT_SECRET", "vendo-oidc/client-secret",
                        "VENDO_REQUEST_SECRET_KEY", "vendo-secret-parameters/secret-key"));
        var configuration = applicationYaml(manifests);
        assertThat(configuration.getPropertyNames())
                .noneMatch(key -> key.contains("password") || key.contains("secret"));
    }

    @Test
    void everySettingTheChartGivesIsOneVendoReads() {
        var manifests = render(template -> template.withValuesFile(PRODUCTION));
        var configuration = applicationYaml(manifests);

        assertThat(settings.unknownKeys(configuration)).isEmpty();
        assertThat(settings.vendoValuesThatDoNotBind(configuration)).isEmpty();
        assertThat(settings.unknownEnvironmentVariables(environmentNames(deployment(manifests))))
                .isEmpty();
        assertThat(configuration.getProperty("management.server.port")).isEqualTo(8081);
        assertThat(configuration.getProperty("vendo.identity.oidc.issuer-uri"))
                .isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123");
        assertThat(configuration.getProperty("vendo.notification.mail-transport"))
                .as("config: is merged over what the chart derives")
                .isEqualTo("ses");
    }

    @Test
    void runsAsNonRootOnAReadOnlyRootFileSystemWithAWritableTmp() {
        var deployment = deployment(render(HelmChartTest::required));
        var pod = deployment.object("spec.template.spec");
        var container = deployment.object("spec.template.spec.containers[0]");

        assertThat(pod.path("securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(pod.path("securityContext.runAsUser")).isEqualTo(10001);
        assertThat(pod.path("automountServiceAccountToken")).isEqualTo(false);
        assertThat(container.path("securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(container.path("securityContext.allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(container.path("securityContext.capabilities.drop")).isEqualTo(List.of("ALL"));
        assertThat(container.list("volumeMounts")).contains(Map.of("name", "tmp", "mountPath", "/tmp"));
        assertThat(pod.list("volumes"))
                .anySatisfy(volume ->
                        assertThat(volume).containsEntry("name", "tmp").containsKey("emptyDir"));
        assertThat(container.path("resources.limits.memory")).isEqualTo("1Gi");
    }

    @Test
    void theJvmGetsTheImagesOptions() throws Exception {
        var deployment = deployment(render(HelmChartTest::required));

        assertThat(deployment.list("spec.template.spec.containers[0].env"))
                .contains(Map.of("name", "JAVA_TOOL_OPTIONS", "value", DockerfileTest.imageJavaToolOptions()));
    }

    @Test
    void shutdownFitsTheGracePeriod() {
        var deployment = deployment(render(HelmChartTest::required));
        var configuration = applicationYaml(render(HelmChartTest::required));

        assertThat(deployment.path("spec.template.spec.terminationGracePeriodSeconds"))
                .isEqualTo(90);
        assertThat(deployment.path("spec.template.spec.containers[0].lifecycle.preStop.exec.command"))
                .isEqualTo(List.of("sleep", "10"));
        assertThat(configuration.getProperty("spring.lifecycle.timeout-per-shutdown-phase"))
                .isEqualTo("30s");

        assertThatThrownBy(() -> render(template -> required(template).set("terminationGracePeriodSeconds", 60)))
                .hasMessageContaining("terminationGracePeriodSeconds (60) must be at least 85");
    }

    @Test
    void theInstallNotesSayWhatToConfigureNext() {
        var notes = new Helm(CHART)
                .install()
                .withName("vendo")
                .withNamespace("vendo")
                .withKubeVersion(KubernetesManifests.KUBERNETES_VERSION)
                .clientOnly()
                .dryRun()
                .withValuesFile(PRODUCTION)
                .call()
                .getOutput();

        assertThat(notes)
                .contains("The portal: https://vendo.example.com")
                .contains("callback URL  https://vendo.example.com/login/oauth2/code/vendo")
                .contains("sign-out URL  https://vendo.example.com/login?logout")
                .contains("must allow system:serviceaccount:vendo:vendo")
                .doesNotContain("WARNING");
    }

    @Test
    void theValuesSchemaRefusesBadValues() {
        assertRefused(template -> template.set("replicaCount", -1), "replicaCount");
        assertRefused(template -> template.set("replicaCount", "two"), "replicaCount");
        // --set image.tag=2 makes a number, which would otherwise render as the tag "2" by accident of YAML.
        assertRefused(template -> template.set("image.tag", 2), "image.tag");
        assertRefused(template -> template.set("aws.mode", "maybe"), "aws.mode");
        assertRefused(template -> template.set("management.port", 80), "management.port");
        assertRefused(template -> template.set("database.url", "postgres://db/vendo"), "database.url");
        assertRefused(template -> template.set("oidc.issuerUri", "cognito"), "oidc.issuerUri");
        assertRefused(template -> template.set("replicaCuont", 3), "replicaCuont");
        assertRefused(template -> template.set("podDisruptionBudget.maxUnavailable", 0), "maxUnavailable");
    }

    @Test
    void requiredValuesAreNamedWhenMissing() {
        assertThatThrownBy(() -> render(UnaryOperator.identity())).hasMessageContaining(" is required");
        for (var value : List.of(
                "image.repository",
                "database.url",
                "database.existingSecret",
                "oidc.issuerUri",
                "oidc.clientId",
                "secretParameters.existingSecret")) {
            assertThatThrownBy(() -> render(template -> required(template).set(value, "")))
                    .as(value)
                    .hasMessageContaining(value + " is required");
        }
    }

    /** The values without which the chart refuses to render. */
    static TemplateCommand required(TemplateCommand template) {
        return template.set("image.repository", "registry.example.com/vendo")
                .set("database.url", "jdbc:postgresql://vendo-db:5432/vendo")
                .set("database.existingSecret", "vendo-database")
                .set("oidc.issuerUri", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123")
                .set("oidc.clientId", "vendo-portal")
                .set("secretParameters.existingSecret", "vendo-secret-parameters");
    }

    static List<Map<String, Object>> render(UnaryOperator<TemplateCommand> values) {
        var template = new Helm(CHART)
                .template()
                .withName("vendo")
                .withNamespace("vendo")
                .withKubeVersion(KubernetesManifests.KUBERNETES_VERSION);
        return KubernetesManifests.parse(values.apply(template).call());
    }

    private static void assertRefused(UnaryOperator<TemplateCommand> value, String named) {
        var refusal = catchThrowable(() -> render(template -> value.apply(required(template))));
        assertThat(refusal)
                .as("a chart with a bad %s", named)
                .isNotNull()
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(named.substring(named.lastIndexOf('.') + 1));
    }

    static void assertValid(List<Map<String, Object>> manifests) {
        var problems = manifests.stream()
                .flatMap(manifest -> KubernetesManifests.problems(manifest).stream())
                .toList();
        assertThat(problems).isEmpty();
    }

    static Map<String, Integer> kinds(List<Map<String, Object>> manifests) {
        return manifests.stream()
                .collect(Collectors.toMap(
                        manifest -> (String) manifest.get("kind"), manifest -> 1, Integer::sum, TreeMap::new));
    }

    static Manifest deployment(List<Map<String, Object>> manifests) {
        return only(manifests, "Deployment");
    }

    static Manifest only(List<Map<String, Object>> manifests, String kind) {
        var matching = manifests.stream()
                .filter(manifest -> kind.equals(manifest.get("kind")))
                .toList();
        assertThat(matching).as(kind).hasSize(1);
        return new Manifest(matching.getFirst());
    }

    static List<String> environmentNames(Manifest deployment) {
        return deployment.list("spec.template.spec.containers[0].env").stream()
                .map(variable -> (String) variable.get("name"))
                .toList();
    }

    /** The application.yaml of the rendered ConfigMap, flattened as Spring Boot reads it. */
    static EnumerablePropertySource<?> applicationYaml(List<Map<String, Object>> manifests) {
        var yaml = (String) only(manifests, "ConfigMap").path("data.application\\.yaml");
        try {
            var sources = new YamlPropertySourceLoader().load("configmap", new ByteArrayResource(yaml.getBytes()));
            assertThat(sources).hasSize(1);
            return (EnumerablePropertySource<?>) sources.getFirst();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A rendered object, read by paths such as {@code spec.template.spec.containers[0].ports}. */
    record Manifest(Map<String, Object> content) {

        Object path(String path) {
            Object current = content;
            for (var segment : segments(path)) {
                if (current == null) {
                    return null;
                }
                if (segment.startsWith("[")) {
                    var list = (List<?>) current;
                    var index = Integer.parseInt(segment.substring(1, segment.length() - 1));
                    current = index < list.size() ? list.get(index) : null;
                } else {
                    current = ((Map<?, ?>) current).get(segment);
                }
            }
            return current;
        }

        @SuppressWarnings("unchecked")
        Manifest object(String path) {
            return new Manifest((Map<String, Object>) path(path));
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list(String path) {
            var value = path(path);
            return value == null ? List.of() : (List<Map<String, Object>>) value;
        }

        /** {@code a.b\.c[0]} → a, b.c, [0]: a backslash keeps a dot in a key. */
        private static List<String> segments(String path) {
            var segments = new ArrayList<String>();
            var current = new StringBuilder();
            for (int i = 0; i < path.length(); i++) {
                var c = path.charAt(i);
                if (c == '\\' && i + 1 < path.length()) {
                    current.append(path.charAt(++i));
                } else if (c == '.' || c == '[') {
                    if (!current.isEmpty()) {
                        segments.add(current.toString());
                        current.setLength(0);
                    }
                    if (c == '[') {
                        var end = path.indexOf(']', i);
                        segments.add(path.substring(i, end + 1));
                        i = end;
                    }
                } else {
                    current.append(c);
                }
            }
            if (!current.isEmpty()) {
                segments.add(current.toString());
            }
            return segments;
        }
    }
}
