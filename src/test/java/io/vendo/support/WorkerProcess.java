package io.vendo.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A separate JVM running the portal ({@link WorkerMain}) and its scheduler against a test database and the AWS
 * stub, started from the test's own classpath. {@link #kill()} is {@code kill -9}: no shutdown hook, no graceful
 * stop, the scheduler's picked executions stay picked until another worker declares them dead.
 */
public final class WorkerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final String name;
    private volatile boolean frozen;

    private WorkerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a worker and waits until its application is up.
     *
     * @param jdbcUrl the database, with credentials
     * @param properties extra application properties
     */
    public static WorkerProcess start(String name, String jdbcUrl, Map<String, String> properties) {
        // Short-lived test workers start faster with the C1 compiler only and the serial collector.
        return start(name, jdbcUrl, properties, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    }

    /** @param jvmOptions heap size, compiler and collector settings of the worker's JVM */
    public static WorkerProcess start(
            String name, String jdbcUrl, Map<String, String> properties, List<String> jvmOptions) {
        var aws = new ArrayList<>(List.of(
                "-Daws.disableEc2Metadata=true",
                "-Daws.accessKeyId=AKIAVENDOTESTING0001",
                "-Daws.secretAccessKey=vendo-test-only-not-a-secret"));
        var live = List.of("--vendo.aws.mode=live", "--vendo.aws.endpoint-url=" + AwsStub.endpoint());
        return start(name, jdbcUrl, properties, jvmOptions, aws, live, Map.of());
    }

    /**
     * A worker that finds AWS configured only as {@code environment} says (e.g. {@code AWS_PROFILE}), and otherwise
     * nothing: no access keys, no endpoint, no mode, no AWS variables inherited, a home directory without
     * {@code .aws}, no instance metadata service.
     */
    public static WorkerProcess startWithAwsEnvironment(
            String name, String jdbcUrl, Map<String, String> properties, Map<String, String> environment) {
        try {
            var home = Files.createTempDirectory("vendo-worker-home");
            var jvm = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
            var aws = List.of("-Daws.disableEc2Metadata=true", "-Duser.home=" + home);
            var variables = new java.util.LinkedHashMap<String, String>();
            variables.put("HOME", home.toString());
            variables.putAll(environment);
            return start(name, jdbcUrl, properties, jvm, aws, List.of(), variables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WorkerProcess start(
            String name,
            String jdbcUrl,
            Map<String, String> properties,
            List<String> jvmOptions,
            List<String> awsOptions,
            List<String> awsArguments,
            Map<String, String> environment) {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(awsOptions);
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                WorkerMain.class.getName(),
                "--spring.datasource.url=" + jdbcUrl,
                "--server.port=0",
                "--logging.level.root=WARN",
                "--logging.level.io.vendo=INFO",
                "--logging.level.org.springframework.boot.tomcat=INFO"));
        command.addAll(awsArguments);
        var settings = new java.util.LinkedHashMap<>(Map.of("spring.datasource.hikari.maximum-pool-size", "12"));
        settings.putAll(properties);
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            var log = Files.createDirectories(Path.of("target", "workers")).resolve(name + ".log");
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (!environment.isEmpty()) {
                builder.environment().keySet().removeIf(variable -> variable.startsWith("AWS_"));
                builder.environment().putAll(environment);
            }
            var process = builder.start();
            var worker = new WorkerProcess(name, process, log);
            worker.awaitStarted(Duration.ofMinutes(4));
            return worker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitStarted(Duration timeout) throws IOException {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            if (Files.readString(log).contains("Started VendoApplication")) {
                return;
            }
            sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not start within " + timeout + ":\n" + tail());
    }

    /** SIGSTOP: the process stops where it is, threads, timers and heartbeats included, until {@link #thaw()}. */
    public void freeze() {
        signal("STOP");
        frozen = true;
    }

    /** SIGCONT: the process carries on from where {@link #freeze()} stopped it. */
    public void thaw() {
        signal("CONT");
        frozen = false;
    }

    private void signal(String signal) {
        try {
            var kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid()))
                    .inheritIO()
                    .start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -%s %d failed".formatted(signal, process.pid()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL, and wait until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The HTTP port the worker's portal listens on. */
    public int port() {
        try {
            var matcher = Pattern.compile("Tomcat started on port (\\d+)").matcher(Files.readString(log));
            if (!matcher.find()) {
                throw new IllegalStateException(name + " logged no port:\n" + tail());
            }
            return Integer.parseInt(matcher.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** Everything the worker wrote so far. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of the worker's output, for failure messages. */
    public String tail() {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (frozen && process.isAlive()) {
            // A stopped process would not even see SIGTERM.
            thaw();
        }
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
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
