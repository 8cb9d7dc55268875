import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load on POST /api/v1/requests: N concurrent clients on loopback submit valid requests for a fixed time against a
 * running portal (the local run), then report throughput, latency percentiles, errors and the portal's RSS.
 *
 * <p>Run: {@code java bench/SubmitBenchmark.java [clients=32] [seconds=30] [baseUrl=http://localhost:8080] [portalPid]}
 */
public class SubmitBenchmark {

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String baseUrl = args.length > 2 ? args[2] : "http://localhost:8080";
        String pid = args.length > 3 ? args[3] : null;
        if (!baseUrl.startsWith("http://localhost") && !baseUrl.startsWith("http://127.")) {
            throw new IllegalArgumentException("The benchmark only targets a portal on this machine (loopback)");
        }

        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var auth = "Basic " + Base64.getEncoder().encodeToString("requester:requester".getBytes(StandardCharsets.UTF_8));
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var errors = new AtomicInteger();
        var sequence = new AtomicInteger();

        warmUp(http, baseUrl, auth);
        var rssBefore = rss(pid);
        var deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        var started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        var body = """
                                {"blueprint": "static-website", "target": "sandbox-eu-west-1",
                                 "parameters": {"SiteName": "bench-%d"}, "justification": "benchmark"}
                                """.formatted(sequence.incrementAndGet());
                        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/requests"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", auth)
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build();
                        long start = System.nanoTime();
                        try {
                            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() == 201) {
                                latencies.add(System.nanoTime() - start);
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        var rssAfter = rss(pid);

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("clients=%d duration=%.1fs submitted=%d errors=%d%n", clients, elapsed, sorted.size(), errors.get());
        System.out.printf("throughput=%.0f requests/s%n", sorted.size() / elapsed);
        System.out.printf("latency p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms%n",
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), percentile(sorted, 100));
        if (pid != null) {
            System.out.printf("portal RSS before=%s after=%s%n", rssBefore, rssAfter);
        }
        // For bench/submit.sh: the same figures on one line.
        System.out.printf(
                java.util.Locale.ROOT,
                "JSON {\"clients\":%d,\"seconds\":%.1f,\"submitted\":%d,\"errors\":%d,\"throughput\":%.1f,"
                        + "\"p50Ms\":%.2f,\"p90Ms\":%.2f,\"p99Ms\":%.2f,\"maxMs\":%.2f}%n",
                clients,
                elapsed,
                sorted.size(),
                errors.get(),
                sorted.size() / elapsed,
                percentile(sorted, 50),
                percentile(sorted, 90),
                percentile(sorted, 99),
                percentile(sorted, 100));
    }

    private static void warmUp(HttpClient http, String baseUrl, String auth) throws Exception {
        for (int i = 0; i < 200; i++) {
            http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/blueprints"))
                            .header("Authorization", auth)
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    private static String rss(String pid) throws Exception {
        if (pid == null) {
            return "n/a";
        }
        return Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                .filter(line -> line.startsWith("VmRSS"))
                .map(line -> line.replaceAll("\\s+", " ").substring(7))
                .findFirst()
                .orElse("n/a");
    }
}
