import com.github.tomakehurst.wiremock.client.WireMock;
import io.vendo.support.ApprovedRequestSeeder;
import io.vendo.support.AwsStub;
import io.vendo.support.TestPostgres;
import io.vendo.support.WorkerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Executes N approved stack requests with the portal (a worker process with its scheduler) against the
 * CloudFormation simulator, where each stack completes a fixed time after ExecuteChangeSet, under a concurrency limit.
 * Prints the makespan against the ideal schedule, status calls per stack, the worker's peak heap and RSS, and
 * duplicates. Usage (see README.md): java -cp ... bench/ExecutionBenchmark.java [requests] [limit] [stackSeconds]
 */
public class ExecutionBenchmark {

    public static void main(String[] args) throws Exception {
        var requests = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        var limit = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        var stackDuration = Duration.ofMillis((long) (1000 * (args.length > 2 ? Double.parseDouble(args[2]) : 2.0)));

        var aws = AwsStub.simulate();
        aws.stackDuration(stackDuration);
        var database = TestPostgres.newDatabase();
        var properties = new HashMap<String, String>();
        properties.put("vendo.execution.admission.global", String.valueOf(limit));
        properties.put("vendo.execution.admission.cloud-formation-per-account", String.valueOf(limit));
        // Polling adapted to the operation: the first status call when a stack is expected to be done.
        properties.put("vendo.execution.first-poll-delay", stackDuration.toMillis() + "ms");
        properties.put("vendo.execution.max-poll-delay", "5s");
        // The simulator computes a change set at once; AWS takes seconds (the default waits 3 s).
        properties.put("vendo.execution.change-set-poll-delay", "100ms");
        properties.put("vendo.scheduler.polling-interval", "100ms");
        properties.put("vendo.scheduler.threads", System.getProperty("threads", "16"));
        properties.put("vendo.scheduler.heartbeat-interval", "5s");
        properties.put("spring.datasource.hikari.maximum-pool-size", System.getProperty("pool", "24"));
        properties.put("logging.level.io.vendo.notification", "WARN");
        System.out.printf("Starting the worker (limit %d, stacks take %s) ...%n", limit, stackDuration);
        try (var worker = WorkerProcess.start(
                "bench", database.getJdbcUrl(), properties, List.of("-Xmx512m", "-XX:+UseSerialGC"))) {
            var seeder = new ApprovedRequestSeeder(database);
            var target = seeder.target("111122223333");
            // Warm up the worker's code paths and its client for the target with a few requests first.
            var warmUp = seeder.approved(20, target, "warm-up");
            awaitDone(seeder, warmUp, Duration.ofMinutes(2));
            AwsStub.server().resetRequests();
            aws.forgetStacks();

            var metrics = "http://localhost:" + worker.port() + "/actuator/prometheus";
            var peakHeap = new long[] {0};
            var sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakHeap[0] = Math.max(peakHeap[0], heapUsed(metrics));
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });

            var started = System.nanoTime();
            var ids = seeder.approved(requests, target, "bench");
            awaitDone(seeder, ids, Duration.ofMinutes(30));
            var makespan = Duration.ofNanos(System.nanoTime() - started);
            sampler.interrupt();

            var ideal = stackDuration.multipliedBy((requests + limit - 1) / limit);
            var states = seeder.states(ids);
            System.out.printf("requests                 %d (states %s)%n", requests, states);
            System.out.printf("concurrency limit        %d, stack duration %s%n", limit, stackDuration);
            System.out.printf(
                    "makespan                 %.1f s (ideal %.1f s, ratio %.2f)%n",
                    makespan.toMillis() / 1000.0,
                    ideal.toMillis() / 1000.0,
                    (double) makespan.toMillis() / ideal.toMillis());
            System.out.printf("max in flight (measured) %d%n", aws.maxInFlight(null));
            var changeSetPolls = count("DescribeChangeSet");
            var stackPolls = count("DescribeStacks");
            System.out.printf(
                    "status calls per stack   %.2f (DescribeChangeSet %d, DescribeStacks %d)%n",
                    (double) (changeSetPolls + stackPolls) / requests,
                    changeSetPolls,
                    stackPolls);
            System.out.printf("stacks                   %d%n", aws.stacks().size());
            for (var call : List.of(
                    new String[] {"CreateChangeSet", "ClientToken"},
                    new String[] {"ExecuteChangeSet", "ClientRequestToken"})) {
                var sent = AwsStub.server().findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/"))
                        .withRequestBody(WireMock.containing("Action=" + call[0] + "&")));
                var perStack = sent.stream()
                        .collect(Collectors.groupingBy(
                                request -> field(request.getBodyAsString(), "StackName"),
                                Collectors.mapping(
                                        request -> field(request.getBodyAsString(), call[1]), Collectors.toList())));
                var duplicates = perStack.values().stream()
                        .mapToLong(tokens -> tokens.size() - 1)
                        .sum();
                var twoTokens = perStack.values().stream()
                        .filter(tokens -> tokens.stream().distinct().count() > 1)
                        .count();
                System.out.printf(
                        "%-24s %d calls for %d stacks, duplicates %d, stacks with two tokens %d%n",
                        call[0], sent.size(), perStack.size(), duplicates, twoTokens);
            }
            System.out.printf("worker peak heap used    %d MB%n", peakHeap[0] / (1024 * 1024));
            System.out.printf("worker peak RSS          %s%n", peakRss(worker.pid()));
        } finally {
            database.close();
        }
        System.exit(0);
    }

    private static long count(String action) {
        return AwsStub.server()
                .countRequestsMatching(WireMock.postRequestedFor(WireMock.urlEqualTo("/"))
                        .withRequestBody(WireMock.containing("Action=" + action + "&"))
                        .build())
                .getCount();
    }

    private static void awaitDone(ApprovedRequestSeeder seeder, List<UUID> ids, Duration atMost)
            throws InterruptedException {
        var deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            var states = seeder.states(ids);
            var open = states.getOrDefault("APPROVED", 0L) + states.getOrDefault("IN_PROGRESS", 0L);
            if (open == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Requests still open after " + atMost + ": " + seeder.states(ids));
    }

    private static final HttpClient http = HttpClient.newHttpClient();

    /** The worker's heap in use, from its own Prometheus endpoint. */
    private static long heapUsed(String url) {
        try {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header(
                                    "Authorization",
                                    "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofLines());
            return (long) response.body()
                    .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (Exception e) {
            return 0;
        }
    }

    private static String peakRss(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith("VmHWM") || line.startsWith("VmRSS"))
                .map(line -> line.replaceAll("\\s+", " "))
                .collect(Collectors.joining(", "));
    }

    private static String field(String body, String name) {
        for (var pair : body.split("&")) {
            var parts = pair.split("=", 2);
            if (parts[0].equals(name)) {
                return java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
