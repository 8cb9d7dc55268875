package io.vendo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker/Dockerfile, linted by a real Dockerfile linter (dockerfile-utils, installed by the build from
 * src/test/node) and read instruction by instruction for what matters: a multi-stage build with the Maven wrapper and
 * Node, a JRE runtime, Spring Boot's layers copied least-changed first, a non-root user, memory from the container's
 * limit, and a health check on the liveness group. No Docker engine exists here, so the image itself is not built.
 */
class DockerfileTest {

    static final Path DOCKERFILE = Path.of("docker/Dockerfile");
    static final Path LINTER = Path.of("src/test/node/lint-dockerfile.cjs");

    @Test
    void theLinterFindsNothing() throws Exception {
        assertThat(lint(DOCKERFILE)).isEmpty();
    }

    @Test
    void theLinterDoesFindProblems() throws Exception {
        var broken = Files.createTempFile("Dockerfile", "");
        Files.writeString(broken, "FROM eclipse-temurin:21-jre\nworkdir app\nEXPOSE http\nCOPY --chwon=1 a b\n");

        assertThat(lint(broken)).hasSize(4);
    }

    @Test
    void buildsWithTheMavenWrapperAndNodeOnAJdk() throws IOException {
        var build = stage("build");

        assertThat(build.from()).startsWith("eclipse-temurin:21-jdk");
        assertThat(build.arguments("COPY")).anyMatch(copy -> copy.startsWith("--from=node /usr/local/bin/node"));
        assertThat(build.arguments("COPY")).contains("mvnw pom.xml ./", ".mvn/ .mvn/", "frontend/ frontend/");
        assertThat(build.arguments("RUN")).anyMatch(run -> run.contains("./mvnw -B -ntp package"));
    }

    @Test
    void runsTheExtractedLayersOnAJreAsANonRootUser() throws IOException {
        var layers = stage("layers");
        assertThat(layers.arguments("RUN"))
                .anyMatch(run -> run.contains("java -Djarmode=tools -jar vendo.jar extract --layers --launcher"));

        var runtime = runtimeStage();
        assertThat(runtime.from()).startsWith("eclipse-temurin:21-jre");
        assertThat(runtime.arguments("COPY"))
                .as("layers from the least to the most often changed")
                .containsExactly(
                        "--from=layers /layers/extracted/dependencies/ ./",
                        "--from=layers /layers/extracted/spring-boot-loader/ ./",
                        "--from=layers /layers/extracted/snapshot-dependencies/ ./",
                        "--from=layers /layers/extracted/application/ ./");
        var user = runtime.arguments("USER");
        assertThat(user).hasSize(1);
        assertThat(user.getFirst()).matches("[1-9][0-9]*:[1-9][0-9]*").doesNotStartWith("0:");
        assertThat(runtime.indexOf("USER"))
                .as("USER follows every COPY and RUN: the files belong to root, the process runs as the user")
                .isGreaterThan(runtime.lastIndexOf("COPY"))
                .isGreaterThan(runtime.lastIndexOf("RUN"));
        assertThat(runtime.arguments("ENTRYPOINT"))
                .containsExactly("[\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
    }

    @Test
    void theHeapFollowsTheContainersMemoryLimit() throws IOException {
        assertThat(runtimeStage().arguments("ENV"))
                .anyMatch(env -> env.startsWith("JAVA_TOOL_OPTIONS=") && env.contains("-XX:MaxRAMPercentage="));
    }

    /**
     * What is not heap was measured at ~310 MB under load (bench/README.md, Native Memory Tracking): in the chart's
     * 1 GiB limit the heap may take at most what is left, and the collector does not depend on the container's size.
     */
    @Test
    void theHeapLeavesRoomForWhatIsNotHeap() throws IOException {
        var options = List.of(imageJavaToolOptions().split(" "));
        var percentage = options.stream()
                .filter(option -> option.startsWith("-XX:MaxRAMPercentage="))
                .map(option -> Double.parseDouble(option.substring("-XX:MaxRAMPercentage=".length())))
                .findFirst()
                .orElseThrow();

        assertThat(1024 * percentage / 100 + 310).isLessThanOrEqualTo(1024 * 0.95);
        assertThat(options).contains("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
    }

    /** The runtime stage's JAVA_TOOL_OPTIONS, as the JVM receives them. */
    static String imageJavaToolOptions() throws IOException {
        return runtimeStage().arguments("ENV").stream()
                .filter(env -> env.startsWith("JAVA_TOOL_OPTIONS="))
                .map(env -> env.substring("JAVA_TOOL_OPTIONS=".length()).replace("\"", ""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JAVA_TOOL_OPTIONS in the runtime stage"));
    }

    @Test
    void theHealthCheckAsksTheLivenessGroup() throws IOException {
        var healthCheck = runtimeStage().arguments("HEALTHCHECK");

        assertThat(healthCheck).hasSize(1);
        assertThat(healthCheck.getFirst())
                .contains("http://localhost:8080/actuator/health/liveness")
                .contains("--fail")
                .contains("--start-period=");
    }

    @Test
    void theBuildContextHoldsWhatTheBuildReadsAndNothingElse() throws IOException {
        var ignored = Files.readAllLines(Path.of(".dockerignore")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();

        assertThat(ignored.getFirst()).as("everything is excluded first").isEqualTo("*");
        assertThat(ignored)
                .contains("!mvnw", "!pom.xml", "!.mvn/", "!frontend/", "!src/main/", "frontend/node_modules/");
        for (var copied : List.of("mvnw", "pom.xml", ".mvn", "frontend", "src/main")) {
            assertThat(Path.of(copied)).exists();
        }
    }

    private static List<Diagnostic> lint(Path dockerfile) throws Exception {
        var process = new ProcessBuilder("node", LINTER.toString(), dockerfile.toString())
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return List.of(JsonMapper.builder().build().readValue(output, Diagnostic[].class));
    }

    record Diagnostic(int line, int code, int severity, String message) {}

    private static Stage stage(String name) throws IOException {
        return Stage.all(Files.readAllLines(DOCKERFILE)).stream()
                .filter(stage -> name.equals(stage.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no stage " + name));
    }

    private static Stage runtimeStage() throws IOException {
        return Stage.all(Files.readAllLines(DOCKERFILE)).getLast();
    }

    /** An instruction with its continuation lines joined. */
    record Instruction(String keyword, String arguments) {}

    /** One FROM and the instructions under it. */
    record Stage(String from, String name, List<Instruction> instructions) {

        static List<Stage> all(List<String> lines) {
            var stages = new ArrayList<Stage>();
            var logical = new StringBuilder();
            for (var line : lines) {
                if (line.startsWith("#") || (line.isBlank() && logical.isEmpty())) {
                    continue;
                }
                logical.append(line.strip());
                if (logical.toString().endsWith("\\")) {
                    logical.setLength(logical.length() - 1);
                    logical.append(' ');
                    continue;
                }
                var text = logical.toString().replaceAll("\\s+", " ").strip();
                logical.setLength(0);
                var parts = text.split(" ", 2);
                var instruction = new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : "");
                if (instruction.keyword().equals("FROM")) {
                    var from = instruction.arguments().split(" ");
                    stages.add(new Stage(from[0], from.length == 3 ? from[2] : null, new ArrayList<>()));
                } else {
                    stages.getLast().instructions().add(instruction);
                }
            }
            return stages;
        }

        List<String> arguments(String keyword) {
            return instructions.stream()
                    .filter(instruction -> instruction.keyword().equals(keyword))
                    .map(Instruction::arguments)
                    .toList();
        }

        int indexOf(String keyword) {
            var keywords = instructions.stream().map(Instruction::keyword).toList();
            return keywords.indexOf(keyword);
        }

        int lastIndexOf(String keyword) {
            var keywords = instructions.stream().map(Instruction::keyword).toList();
            return keywords.lastIndexOf(keyword);
        }
    }
}
