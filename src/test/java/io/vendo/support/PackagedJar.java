package io.vendo.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The jar that {@code ./mvnw package} built, started as users start it ({@code java -jar}, settings in the
 * environment), in a process of its own whose output goes to a file. Used by the Failsafe tests ({@code *IT}), which
 * run after {@code package}; the jar's path comes from the system property {@code vendo.packaged-jar}.
 */
public final class PackagedJar implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Pattern STARTED = Pattern.compile("Started VendoApplication in ([0-9.]+) seconds");

    private final String name;
    private final Process process;
    private final Path log;
    private final long launchedAt;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private int port;
    private Duration untilReady;

    private PackagedJar(String name, Process process, Path log, long launchedAt) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.launchedAt = launchedAt;
    }

    /** The jar under test: fails when the build has not packaged it (run the *IT tests through Failsafe). */
    public static Path jar() {
        var configured = System.getProperty("vendo.packaged-jar");
        if (configured == null) {
            throw new IllegalStateException(
                    "vendo.packaged-jar is not set: *IT tests run through Failsafe after package (./mvnw verify)");
        }
        var jar = Path.of(configured);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged jar at " + jar + ": run ./mvnw verify (package comes first)");
        }
        return jar;
    }

    /**
     * Starts {@code java -jar <jar>} on a free port with exactly these environment variables on top of this JVM's, and
     * waits until {@code /actuator/health/readiness} says UP.
     */
    public static PackagedJar start(String name, Map<String, String> environment, Duration timeout) {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = List.of(java, "-jar", jar().toString());
        try {
            var log = Files.createDirectories(Path.of("target", "packaged-jar")).resolve(name + ".log");
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().putIfAbsent("SERVER_PORT", "0");
            var launchedAt = System.nanoTime();
            var jar = new PackagedJar(name, builder.start(), log, launchedAt);
            jar.awaitReady(timeout);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        var deadline = launchedAt + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            if (port == 0) {
                var matcher = PORT.matcher(output());
                if (matcher.find()) {
                    port = Integer.parseInt(matcher.group(1));
                }
            }
            if (port != 0 && readiness() == 200) {
                untilReady = Duration.ofNanos(System.nanoTime() - launchedAt);
                return;
            }
            sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + tail());
    }

    private int readiness() {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** From {@code java -jar} to the first readiness probe that answered 200. */
    public Duration untilReady() {
        return untilReady;
    }

    /** What Spring Boot itself reports as its start-up time ("Started VendoApplication in … seconds"). */
    public Duration reportedStartup() {
        var matcher = STARTED.matcher(output());
        if (!matcher.find()) {
            throw new IllegalStateException(name + " never logged its start:\n" + tail());
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(matcher.group(1)) * 1000));
    }

    /** Everything the process wrote to stdout and stderr so far. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> outputLines() {
        return output().lines().toList();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /**
     * Sends SIGTERM, as a container platform does to stop a pod, and waits up to {@code timeout} for the process to
     * end; returns its exit code, or {@code null} if it was still running (then it is killed).
     */
    public Integer terminate(Duration timeout) {
        process.destroy();
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines of the output, for failure messages. */
    public String tail() {
        var lines = outputLines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            terminate(Duration.ofSeconds(30));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
