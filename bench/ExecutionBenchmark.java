import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.vendo.support.ApprovedRequestSeeder;
import io.vendo.support.AwsStub;
import io.vendo.support.TestPostgres;
import io.vendo.support.WorkerProcess;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.ChangeSetType;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/**
 * Executes N approved stack requests with the portal (a worker process with its scheduler) against the
 * CloudFormation simulator, where each stack completes a fixed time after ExecuteChangeSet, under a concurrency limit,
 * and runs the same calls on the ideal schedule side by side, against the same simulator: a reference driver that
 * keeps exactly {@code limit} requests in flight and waits for nothing but AWS (CreateChangeSet, DescribeChangeSet,
 * ExecuteChangeSet, DescribeStacks once the stack is due).
 *
 * <p>Prints the makespan against the ideal schedule (⌈N / limit⌉ × stack duration) and the reference run, status calls
 * per stack, duplicate mutating calls, the most stacks in flight, the worker's peak heap and RSS, where a request's
 * time in its slot goes (percentiles of each gap between its steps, from the admission table and WireMock's journal),
 * and the timeline of one slot; the last line is {@code RESULT {json}}.
 *
 * <p>Usage (see README.md): {@code java -cp ... bench/ExecutionBenchmark.java [requests] [limit] [stackSeconds]};
 * {@code -Dthreads}, {@code -Dpool}: the worker's scheduler threads and database pool; {@code -Dworker.<property>}:
 * any other application property of the worker, {@code -DworkerJvmOptions="..."} more options for the worker's JVM (e.g.
 * a flight recording).
 */
public class ExecutionBenchmark {

    private static final Pattern UUID_PATTERN =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final List<String> CALLS =
            List.of("CreateChangeSet", "DescribeChangeSet", "ExecuteChangeSet", "DescribeStacks");

    public static void main(String[] args) throws Exception {
        var requests = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        var limit = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        var stackDuration = Duration.ofMillis((long) (1000 * (args.length > 2 ? Double.parseDouble(args[2]) : 2.0)));
        var loadBefore = loadAverage();

        var aws = AwsStub.simulate();
        aws.stackDuration(stackDuration);
        var ideal = stackDuration.multipliedBy((requests + limit - 1) / limit);

        System.out.printf("Reference: %d stacks on the ideal schedule, %d at a time ...%n", requests, limit);
        var referenceMakespan = reference(requests, limit, stackDuration);
        var referenceInFlight = aws.maxInFlight(null);
        AwsStub.server().resetRequests();
        aws.forgetStacks();
        System.out.printf(
                "reference makespan       %.1f s (ideal %.1f s, ratio %.2f), max in flight %d%n",
                seconds(referenceMakespan),
                seconds(ideal),
                ratio(referenceMakespan, ideal),
                referenceInFlight);

        var database = TestPostgres.newDatabase();
        var properties = new HashMap<String, String>();
        properties.put("vendo.execution.admission.global", String.valueOf(limit));
        properties.put("vendo.execution.admission.cloud-formation-per-account", String.valueOf(limit));
        // Polling adapted to the operation: the first status call when a stack is expected to be done.
        properties.put("vendo.execution.first-poll-delay", stackDuration.toMillis() + "ms");
        properties.put("vendo.execution.max-poll-delay", "5s");
        // The simulator computes a change set at once (AWS takes seconds: the default waits 3 s), and the reference
        // asks at once: so does the portal, told the change set's time as it is told the stack's.
        properties.put("vendo.execution.change-set-poll-delay", System.getProperty("changeSetPollDelay", "0ms"));
        // The scheduler's polling interval is left at its default (5 s): work this worker schedules starts when due.
        properties.put("vendo.scheduler.threads", System.getProperty("threads", "16"));
        properties.put("vendo.scheduler.heartbeat-interval", "5s");
        properties.put("spring.datasource.hikari.maximum-pool-size", System.getProperty("pool", "24"));
        properties.put("logging.level.io.vendo.notification", "WARN");
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("worker."))
                .forEach(name -> properties.put(name.substring("worker.".length()), System.getProperty(name)));
        System.out.printf("Starting the worker (limit %d, stacks take %s, %s) ...%n", limit, stackDuration, properties);
        var result = new LinkedHashMap<String, Object>();
        var jvmOptions = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseSerialGC"));
        jvmOptions.addAll(List.of(System.getProperty("workerJvmOptions", "").split(" ")).stream()
                .filter(option -> !option.isBlank())
                .toList());
        try (var worker = WorkerProcess.start("bench", database.getJdbcUrl(), properties, jvmOptions)) {
            var seeder = new ApprovedRequestSeeder(database);
            var target = seeder.target("111122223333");
            // Warm up the worker's code paths and its client for the target with a few requests first.
            var warmUp = seeder.approved(20, target, "warm-up");
            awaitDone(seeder, warmUp, Duration.ofMinutes(2));
            AwsStub.server().resetRequests();
            aws.forgetStacks();

            var metrics = "http://localhost:" + worker.port() + "/actuator/prometheus";
            var peakHeap = new long[] {0};
            // A failed reading is reported with the figures rather than taken as an empty heap.
            var heapReadingFailure = new java.util.concurrent.atomic.AtomicReference<Exception>();
            var sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        peakHeap[0] = Math.max(peakHeap[0], heapUsed(metrics));
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        heapReadingFailure.compareAndSet(null, e);
                    }
                }
            });

            var cpuBefore = cpuSeconds(worker.pid());
            var connectionsBefore = connectionUses(metrics);
            var started = System.nanoTime();
            var ids = seeder.approved(requests, target, "bench");
            awaitDone(seeder, ids, Duration.ofMinutes(30));
            var makespan = Duration.ofNanos(System.nanoTime() - started);
            var workerCpu = cpuSeconds(worker.pid()) - cpuBefore;
            var connectionsPerRequest = (connectionUses(metrics) - connectionsBefore) / requests;
            sampler.interrupt();

            var states = seeder.states(ids);
            System.out.printf("requests                 %d (states %s)%n", requests, states);
            System.out.printf("concurrency limit        %d, stack duration %s%n", limit, stackDuration);
            System.out.printf(
                    "makespan                 %.1f s (ideal %.1f s, ratio %.2f; reference %.1f s, ratio %.2f)%n",
                    seconds(makespan),
                    seconds(ideal),
                    ratio(makespan, ideal),
                    seconds(referenceMakespan),
                    ratio(makespan, referenceMakespan));
            var maxInFlight = aws.maxInFlight(null);
            System.out.printf("max in flight (measured) %d%n", maxInFlight);
            var changeSetPolls = count("DescribeChangeSet");
            var stackPolls = count("DescribeStacks");
            var statusCalls = (double) (changeSetPolls + stackPolls) / requests;
            System.out.printf(
                    "status calls per stack   %.2f (DescribeChangeSet %d, DescribeStacks %d)%n",
                    statusCalls, changeSetPolls, stackPolls);
            System.out.printf("stacks                   %d%n", aws.stacks().size());
            var duplicates = 0L;
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
                var extra = perStack.values().stream()
                        .mapToLong(tokens -> tokens.size() - 1)
                        .sum();
                duplicates += extra;
                var twoTokens = perStack.values().stream()
                        .filter(tokens -> tokens.stream().distinct().count() > 1)
                        .count();
                System.out.printf(
                        "%-24s %d calls for %d stacks, duplicates %d, stacks with two tokens %d%n",
                        call[0], sent.size(), perStack.size(), extra, twoTokens);
            }
            System.out.printf(
                    "worker CPU               %.1f s (%.1f ms per request)%n", workerCpu, workerCpu * 1000 / requests);
            System.out.printf("worker connection uses   %.1f per request (about its transactions)%n", connectionsPerRequest);
            var rss = rssKb(worker.pid());
            System.out.printf("worker peak heap used    %d MB%n", peakHeap[0] / (1024 * 1024));
            if (heapReadingFailure.get() != null) {
                System.out.println("worker heap: some readings failed, the peak may be low: " + heapReadingFailure.get());
            }
            System.out.printf(
                    "worker RSS               %d MB (peak %d MB)%n", rss.get("VmRSS") / 1024, rss.get("VmHWM") / 1024);

            var timelines = timelines(seeder, ids);
            var gaps = gaps(timelines);
            System.out.println("where a request's time in its slot goes (ms; p50 / p90 / max over all requests):");
            gaps.forEach((gap, percentiles) -> System.out.printf(
                    "  %-36s %8.0f %8.0f %8.0f%n", gap, percentiles.get("p50"), percentiles.get("p90"),
                    percentiles.get("max")));
            printSlot(timelines);

            var loadAfter = loadAverage();
            result.put("benchmark", "execute");
            result.put("requests", requests);
            result.put("limit", limit);
            result.put("stackSeconds", seconds(stackDuration));
            result.put("states", states);
            result.put("makespanS", round(seconds(makespan)));
            result.put("idealS", round(seconds(ideal)));
            result.put("ratio", round(ratio(makespan, ideal)));
            result.put("reference", Map.of(
                    "makespanS", round(seconds(referenceMakespan)),
                    "ratio", round(ratio(referenceMakespan, ideal)),
                    "maxInFlight", referenceInFlight));
            result.put("ratioToReference", round(ratio(makespan, referenceMakespan)));
            result.put("statusCallsPerStack", round(statusCalls));
            result.put("duplicates", duplicates);
            result.put("maxInFlight", maxInFlight);
            result.put("gapsMs", gaps);
            result.put("workerCpuMsPerRequest", round(workerCpu * 1000 / requests));
            result.put("connectionUsesPerRequest", round(connectionsPerRequest));
            result.put("peakHeapMb", peakHeap[0] / (1024 * 1024));
            if (heapReadingFailure.get() != null) {
                result.put("heapReadingFailure", String.valueOf(heapReadingFailure.get()));
            }
            result.put("peakRssMb", rss.get("VmHWM") / 1024);
            result.put("worker", properties);
            result.put("load", Map.of("before", loadBefore, "after", loadAfter));
            result.put("nproc", Runtime.getRuntime().availableProcessors());
        } finally {
            database.close();
        }
        System.out.println("RESULT " + json(result));
        System.exit(0);
    }

    /**
     * The ideal schedule, run: {@code limit} drivers, each taking the next request as soon as its last one is seen
     * complete, calling AWS as the portal does for a stack, and asking for the stack exactly when it is due.
     */
    static Duration reference(int requests, int limit, Duration stackDuration) throws Exception {
        var credentials = StaticCredentialsProvider.create(
                AwsSessionCredentials.create("ASIA111122223333SIM", "reference-secret", "reference-session"));
        try (var client = CloudFormationClient.builder()
                .endpointOverride(URI.create(AwsStub.endpoint()))
                .region(Region.EU_WEST_1)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(limit + 4))
                .build()) {
            var queue = new ConcurrentLinkedQueue<String>();
            for (int i = 0; i < requests; i++) {
                queue.add("reference-" + i);
            }
            var started = System.nanoTime();
            try (var drivers = Executors.newFixedThreadPool(limit)) {
                for (int d = 0; d < limit; d++) {
                    drivers.submit(() -> {
                        String name;
                        while ((name = queue.poll()) != null) {
                            var stackName = name;
                            var changeSet = client.createChangeSet(create -> create.stackName(stackName)
                                    .changeSetName("cs-" + stackName)
                                    .changeSetType(ChangeSetType.CREATE)
                                    .templateBody("{\"Resources\": {}}")
                                    .clientToken("token-" + stackName));
                            client.describeChangeSet(describe ->
                                    describe.stackName(changeSet.stackId()).changeSetName(changeSet.id()));
                            client.executeChangeSet(execute -> execute.stackName(changeSet.stackId())
                                    .changeSetName(changeSet.id())
                                    .clientRequestToken("execute-" + stackName));
                            var due = System.nanoTime() + stackDuration.toNanos();
                            while (true) {
                                sleepUntil(due);
                                var status = client.describeStacks(describe -> describe.stackName(changeSet.stackId()))
                                        .stacks()
                                        .getFirst()
                                        .stackStatus();
                                if (status == StackStatus.CREATE_COMPLETE) {
                                    break;
                                }
                                due = System.nanoTime() + Duration.ofMillis(5).toNanos();
                            }
                        }
                        return null;
                    });
                }
            }
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }

    /** One request's life in its slot: epoch milliseconds of admission, each AWS call (the last of its kind), release. */
    record Timeline(UUID id, long admitted, Map<String, Long> calls, long released) {}

    private static List<Timeline> timelines(ApprovedRequestSeeder seeder, List<UUID> ids) {
        var known = Set.copyOf(ids);
        var calls = new HashMap<UUID, Map<String, Long>>();
        for (ServeEvent event : AwsStub.server().getAllServeEvents()) {
            var body = URLDecoder.decode(event.getRequest().getBodyAsString(), StandardCharsets.UTF_8);
            var action = field(event.getRequest().getBodyAsString(), "Action");
            var matcher = UUID_PATTERN.matcher(body);
            while (matcher.find()) {
                var id = UUID.fromString(matcher.group());
                if (known.contains(id)) {
                    calls.computeIfAbsent(id, key -> new HashMap<>())
                            .merge(action, event.getRequest().getLoggedDate().getTime(), Math::max);
                    break;
                }
            }
        }
        return seeder.jdbc()
                .query(
                        """
                        select request_id, admitted_at, released_at from execution_admission
                        where request_id = any(?::uuid[]) and admitted_at is not null order by admitted_at""",
                        (rs, row) -> {
                            var id = rs.getObject("request_id", UUID.class);
                            return new Timeline(
                                    id,
                                    rs.getTimestamp("admitted_at").getTime(),
                                    calls.getOrDefault(id, Map.of()),
                                    rs.getTimestamp("released_at") == null
                                            ? 0
                                            : rs.getTimestamp("released_at").getTime());
                        },
                        ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}")));
    }

    /** Percentiles of each gap in a request's time in its slot, and of a slot's idle time between two requests. */
    private static Map<String, Map<String, Double>> gaps(List<Timeline> timelines) {
        var gaps = new LinkedHashMap<String, List<Long>>();
        for (var timeline : timelines) {
            var previous = "admitted";
            var at = timeline.admitted();
            for (var call : CALLS) {
                var when = timeline.calls().get(call);
                if (when == null) {
                    continue;
                }
                gaps.computeIfAbsent(previous + " -> " + call, key -> new ArrayList<>()).add(when - at);
                previous = call;
                at = when;
            }
            if (timeline.released() > 0) {
                gaps.computeIfAbsent(previous + " -> released", key -> new ArrayList<>())
                        .add(timeline.released() - at);
                gaps.computeIfAbsent("admitted -> released (in the slot)", key -> new ArrayList<>())
                        .add(timeline.released() - timeline.admitted());
            }
        }
        var idle = new ArrayList<Long>();
        for (var slot : slots(timelines)) {
            for (int i = 1; i < slot.size(); i++) {
                idle.add(slot.get(i).admitted() - slot.get(i - 1).released());
            }
        }
        gaps.put("released -> next admitted (slot idle)", idle);
        var percentiles = new LinkedHashMap<String, Map<String, Double>>();
        gaps.forEach((gap, values) -> {
            var sorted = values.stream().sorted().toList();
            percentiles.put(gap, Map.of(
                    "p50", percentile(sorted, 50), "p90", percentile(sorted, 90), "max", percentile(sorted, 100)));
        });
        return percentiles;
    }

    /** Slots as chains of requests: each admission takes the slot freed longest ago (first come, first served). */
    private static List<List<Timeline>> slots(List<Timeline> timelines) {
        var slots = new ArrayList<List<Timeline>>();
        var free = new ArrayDeque<List<Timeline>>();
        var byRelease = new ArrayList<>(timelines);
        byRelease.sort(Comparator.comparingLong(Timeline::released));
        var admissions = new ArrayList<>(timelines);
        admissions.sort(Comparator.comparingLong(Timeline::admitted));
        var released = 0;
        var owner = new HashMap<UUID, List<Timeline>>();
        for (var timeline : admissions) {
            while (released < byRelease.size()
                    && byRelease.get(released).released() > 0
                    && byRelease.get(released).released() <= timeline.admitted()) {
                var slot = owner.get(byRelease.get(released).id());
                if (slot != null) {
                    free.add(slot);
                }
                released++;
            }
            var slot = free.poll();
            if (slot == null) {
                slot = new ArrayList<>();
                slots.add(slot);
            }
            slot.add(timeline);
            owner.put(timeline.id(), slot);
        }
        return slots;
    }

    /** The timeline of the slot that the first admitted request took, relative to the start of the run. */
    private static void printSlot(List<Timeline> timelines) {
        var slots = slots(timelines);
        if (slots.isEmpty()) {
            return;
        }
        var slot = slots.getFirst();
        var origin = slot.getFirst().admitted();
        System.out.printf(
                "timeline of one slot (ms since its first admission; %d requests in it):%n", slot.size());
        System.out.printf(
                "  %3s %9s %9s %9s %9s %9s %9s %7s%n",
                "#", "admitted", "CreateCS", "DescrCS", "ExecCS", "DescrStk", "released", "idle");
        for (int i = 0; i < slot.size(); i++) {
            var timeline = slot.get(i);
            var calls = timeline.calls();
            var idle = i + 1 < slot.size() ? slot.get(i + 1).admitted() - timeline.released() : 0;
            System.out.printf(
                    "  %3d %9d %9s %9s %9s %9s %9d %7d%n",
                    i + 1,
                    timeline.admitted() - origin,
                    relative(calls.get("CreateChangeSet"), origin),
                    relative(calls.get("DescribeChangeSet"), origin),
                    relative(calls.get("ExecuteChangeSet"), origin),
                    relative(calls.get("DescribeStacks"), origin),
                    timeline.released() - origin,
                    idle);
        }
    }

    private static String relative(Long at, long origin) {
        return at == null ? "-" : String.valueOf(at - origin);
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
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

    /**
     * How often the worker took a connection from its pool (Hikari's usage timer): about one per transaction, plus the
     * scheduler's own statements outside transactions. A count, so the machine's load does not change it.
     */
    private static double connectionUses(String url) throws Exception {
        return sumOf(url, line -> line.startsWith("hikaricp_connections_usage_seconds_count{"));
    }

    /** The worker's heap in use, from its own Prometheus endpoint. */
    private static long heapUsed(String url) throws Exception {
        return (long) sumOf(url, line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""));
    }

    /** The sum of the values of the worker's Prometheus lines that the filter keeps. */
    private static double sumOf(String url, java.util.function.Predicate<String> lines) throws Exception {
        return metrics(url)
                .filter(lines)
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** The worker's Prometheus lines, read as the admin. */
    private static java.util.stream.Stream<String> metrics(String url) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header(
                                "Authorization",
                                "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The worker's metrics answered " + response.statusCode());
        }
        return response.body();
    }

    static Map<String, Long> rssKb(long pid) throws Exception {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith("VmHWM") || line.startsWith("VmRSS"))
                .map(line -> line.split("\\s+"))
                .collect(Collectors.toMap(parts -> parts[0].replace(":", ""), parts -> Long.parseLong(parts[1])));
    }

    /** User and system CPU time of a process so far (Linux: /proc/<pid>/stat, in clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) throws Exception {
        var stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    static List<Double> loadAverage() throws Exception {
        var parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return List.of(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        var left = nanos - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }

    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    static double ratio(Duration a, Duration b) {
        return (double) a.toMillis() / b.toMillis();
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** Maps, lists, strings and numbers as JSON. */
    static String json(Object value) {
        return switch (value) {
            case null -> "null";
            case Map<?, ?> map -> map.entrySet().stream()
                    .map(entry -> json(String.valueOf(entry.getKey())) + ":" + json(entry.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
            case List<?> list -> list.stream().map(ExecutionBenchmark::json).collect(Collectors.joining(",", "[", "]"));
            case Double number -> String.format(Locale.ROOT, "%s", number);
            case Number number -> number.toString();
            default -> "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        };
    }

    private static String field(String body, String name) {
        for (var pair : body.split("&")) {
            var parts = pair.split("=", 2);
            if (parts[0].equals(name)) {
                return URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return "";
    }
}
