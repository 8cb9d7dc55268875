import io.vendo.support.ApprovedRequestSeeder;
import io.vendo.support.AwsStub;
import io.vendo.support.TestPostgres;
import io.vendo.support.WorkerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A fleet of N rows through the portal as users make one: submitted in one API call, approved by one decision, and
 * executed by a worker process (its db-scheduler, admission control, the batch's rollout) against the CloudFormation
 * simulator, where each stack completes a fixed time after ExecuteChangeSet. The rows are spread evenly over a number of
 * accounts, each with a per-account limit; the ideal schedule under the same limits is ⌈N / parallel⌉ × the stack's
 * duration, where parallel = min(the batch's max in flight, the global limit, accounts × the per-account limit), and
 * the reference is that schedule run by {@link ExecutionBenchmark}'s driver against the same simulator.
 *
 * <p>Prints the submission and the approval time, the makespan from the approval until every row ended against the
 * ideal and the reference, the most stacks in flight per account (measured at the simulator: never above the limit),
 * the worker's CPU per row and its RSS; the last line is {@code RESULT {json}}.
 *
 * <p>Usage (see README.md): {@code java -cp ... bench/FleetBenchmark.java [rows] [accounts] [perAccountLimit]
 * [stackSeconds] [maxInFlight]} (a source-code program of two files: JDK 22 or newer).
 */
public class FleetBenchmark {

    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\":\"([0-9a-f-]{36})\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        var rows = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        var accounts = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        var perAccount = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        var stackDuration = Duration.ofMillis((long) (1000 * (args.length > 3 ? Double.parseDouble(args[3]) : 2.0)));
        var maxInFlight = args.length > 4 ? Integer.parseInt(args[4]) : 1000;
        var global = 50;
        var parallel = Math.min(maxInFlight, Math.min(global, accounts * perAccount));
        var ideal = stackDuration.multipliedBy((rows + parallel - 1) / parallel);
        var loadBefore = ExecutionBenchmark.loadAverage();

        var aws = AwsStub.simulate();
        aws.stackDuration(stackDuration);
        System.out.printf("Reference: %d stacks on the ideal schedule, %d at a time ...%n", rows, parallel);
        var reference = ExecutionBenchmark.reference(rows, parallel, stackDuration);
        AwsStub.server().resetRequests();
        aws.forgetStacks();
        System.out.printf(
                "reference makespan       %.1f s (ideal %.1f s, ratio %.2f)%n",
                ExecutionBenchmark.seconds(reference),
                ExecutionBenchmark.seconds(ideal),
                ExecutionBenchmark.ratio(reference, ideal));

        var database = TestPostgres.newDatabase();
        var properties = new HashMap<String, String>();
        properties.put("vendo.execution.admission.global", String.valueOf(global));
        properties.put("vendo.execution.admission.cloud-formation-per-account", String.valueOf(perAccount));
        properties.put("vendo.execution.first-poll-delay", stackDuration.toMillis() + "ms");
        properties.put("vendo.execution.max-poll-delay", "5s");
        properties.put("vendo.execution.change-set-poll-delay", "0ms");
        properties.put("vendo.scheduler.threads", System.getProperty("threads", "16"));
        properties.put("vendo.scheduler.heartbeat-interval", "5s");
        properties.put("spring.datasource.hikari.maximum-pool-size", System.getProperty("pool", "24"));
        properties.put("logging.level.io.vendo.notification", "WARN");
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("worker."))
                .forEach(name -> properties.put(name.substring("worker.".length()), System.getProperty(name)));
        var result = new LinkedHashMap<String, Object>();
        System.out.printf("Starting the worker (%s) ...%n", properties);
        try (var worker = WorkerProcess.start(
                "bench-fleet", database.getJdbcUrl(), properties, List.of("-Xmx512m", "-XX:+UseSerialGC"))) {
            var seeder = new ApprovedRequestSeeder(database);
            var accountIds = IntStream.range(0, accounts)
                    .mapToObj(i -> String.format("%012d", 210000000000L + i))
                    .toList();
            var targets = accountIds.stream().map(seeder::target).toList();
            var base = "http://localhost:" + worker.port();
            // The demo catalog is loaded just after the worker started.
            var deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (seeder.jdbc().queryForObject(
                            "select count(*) from blueprint where slug = 'static-website'", Integer.class)
                    == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The worker did not load the demo catalog within a minute");
                }
                Thread.sleep(200);
            }

            // Warm-up: a small fleet through the same path, not counted.
            var warmUp = submit(base, "warm", 20, targets, 20);
            approve(base, warmUp.getFirst());
            await(seeder, warmUp, Duration.ofMinutes(2));
            AwsStub.server().resetRequests();
            aws.forgetStacks();

            var cpuBefore = ExecutionBenchmark.cpuSeconds(worker.pid());
            var submitStarted = System.nanoTime();
            var ids = submit(base, "tenant", rows, targets, maxInFlight);
            var submitted = Duration.ofNanos(System.nanoTime() - submitStarted);
            var approveStarted = System.nanoTime();
            approve(base, ids.getFirst());
            var approved = Duration.ofNanos(System.nanoTime() - approveStarted);
            await(seeder, ids, Duration.ofMinutes(30));
            var makespan = Duration.ofNanos(System.nanoTime() - approveStarted);
            var workerCpu = ExecutionBenchmark.cpuSeconds(worker.pid()) - cpuBefore;

            var states = seeder.states(ids);
            var inFlight = new LinkedHashMap<String, Integer>();
            accountIds.forEach(account -> inFlight.put(account, aws.maxInFlight(account)));
            var rss = ExecutionBenchmark.rssKb(worker.pid());
            System.out.printf("rows                     %d over %d accounts (states %s)%n", rows, accounts, states);
            System.out.printf(
                    "limits                   %d per account, %d global, batch max in flight %d: %d at a time%n",
                    perAccount, global, maxInFlight, parallel);
            System.out.printf("submission (1 API call)  %.2f s%n", ExecutionBenchmark.seconds(submitted));
            System.out.printf("approval (1 decision)    %.2f s%n", ExecutionBenchmark.seconds(approved));
            System.out.printf(
                    "makespan                 %.1f s from the approval (ideal %.1f s, ratio %.2f; reference %.1f s,"
                            + " ratio %.2f)%n",
                    ExecutionBenchmark.seconds(makespan),
                    ExecutionBenchmark.seconds(ideal),
                    ExecutionBenchmark.ratio(makespan, ideal),
                    ExecutionBenchmark.seconds(reference),
                    ExecutionBenchmark.ratio(makespan, reference));
            System.out.printf("max in flight per account %s (limit %d)%n", inFlight, perAccount);
            System.out.printf("max in flight overall    %d%n", aws.maxInFlight(null));
            System.out.printf(
                    "worker CPU               %.1f s (%.1f ms per row); RSS %d MB (peak %d MB)%n",
                    workerCpu, workerCpu * 1000 / rows, rss.get("VmRSS") / 1024, rss.get("VmHWM") / 1024);

            result.put("benchmark", "fleet");
            result.put("rows", rows);
            result.put("accounts", accounts);
            result.put("perAccountLimit", perAccount);
            result.put("globalLimit", global);
            result.put("maxInFlight", maxInFlight);
            result.put("stackSeconds", ExecutionBenchmark.seconds(stackDuration));
            result.put("states", states);
            result.put("submitS", ExecutionBenchmark.round(ExecutionBenchmark.seconds(submitted)));
            result.put("approveS", ExecutionBenchmark.round(ExecutionBenchmark.seconds(approved)));
            result.put("makespanS", ExecutionBenchmark.round(ExecutionBenchmark.seconds(makespan)));
            result.put("idealS", ExecutionBenchmark.round(ExecutionBenchmark.seconds(ideal)));
            result.put("ratio", ExecutionBenchmark.round(ExecutionBenchmark.ratio(makespan, ideal)));
            result.put("referenceS", ExecutionBenchmark.round(ExecutionBenchmark.seconds(reference)));
            result.put("ratioToReference", ExecutionBenchmark.round(ExecutionBenchmark.ratio(makespan, reference)));
            result.put("maxInFlightPerAccount", inFlight);
            result.put("maxInFlightOverall", aws.maxInFlight(null));
            result.put("workerCpuMsPerRow", ExecutionBenchmark.round(workerCpu * 1000 / rows));
            result.put("peakRssMb", rss.get("VmHWM") / 1024);
            result.put("load", Map.of("before", loadBefore, "after", ExecutionBenchmark.loadAverage()));
            result.put("nproc", Runtime.getRuntime().availableProcessors());
        } finally {
            database.close();
        }
        System.out.println("RESULT " + ExecutionBenchmark.json(result));
        System.exit(0);
    }

    /** Submits the fleet in one call as the demo requester; its rows' request ids in row order. */
    private static List<UUID> submit(String base, String prefix, int rows, List<String> targets, int maxInFlight)
            throws Exception {
        var body = IntStream.range(0, rows)
                .mapToObj(i -> "{\"target\":\"%s\",\"parameters\":{\"SiteName\":\"%s-%d\"}}"
                        .formatted(targets.get(i % targets.size()), prefix, i))
                .collect(Collectors.joining(
                        ",",
                        "{\"blueprint\":\"static-website\",\"justification\":\"Benchmark fleet\","
                                + "\"rollout\":{\"maxInFlight\":%d,\"pauseAfterFailures\":%d},\"rows\":["
                                        .formatted(maxInFlight, rows),
                        "]}"));
        var response = post(base + "/api/v1/request-batches", "requester", body);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("The fleet was refused: " + response.body());
        }
        var ids = new ArrayList<UUID>();
        var matcher = REQUEST_ID.matcher(response.body());
        while (matcher.find()) {
            ids.add(UUID.fromString(matcher.group(1)));
        }
        return ids;
    }

    private static void approve(String base, UUID lead) throws Exception {
        var response = post(
                base + "/api/v1/requests/" + lead + "/decisions", "approver", "{\"decision\":\"APPROVE\"}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The approval was refused: " + response.body());
        }
    }

    private static HttpResponse<String> post(String url, String user, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/json")
                        .header(
                                "Authorization",
                                "Basic " + Base64.getEncoder()
                                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                        .timeout(Duration.ofMinutes(5))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void await(ApprovedRequestSeeder seeder, List<UUID> ids, Duration atMost) throws Exception {
        var deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            var states = seeder.states(ids);
            var open = states.getOrDefault("PENDING_APPROVAL", 0L)
                    + states.getOrDefault("APPROVED", 0L)
                    + states.getOrDefault("IN_PROGRESS", 0L);
            if (open == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Rows still open after " + atMost + ": " + seeder.states(ids));
    }
}
