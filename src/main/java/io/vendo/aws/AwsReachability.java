package io.vendo.aws;

import io.vendo.execution.AwsAvailability;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Whether AWS, once configured, can actually be reached: the portal's own credentials resolve and STS accepts them
 * (GetCallerIdentity), probed in the background every {@code vendo.aws.reachability-check-interval}. A configured but
 * failing chain (a profile that does not resolve, an expired web identity token, STS refusing the keys) is an error:
 * readiness reports it, admins see why, and executions wait until a probe succeeds; it never turns into a dry run.
 */
@Component
class AwsReachability implements AwsAvailability, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AwsReachability.class);
    private static final int MAX_REASON = 1_000;

    private final AwsConnection connection;
    private final AwsProperties properties;
    private final Clock clock;
    private final AtomicReference<@Nullable Probe> last = new AtomicReference<>();
    private @Nullable ScheduledExecutorService prober;

    AwsReachability(AwsConnection connection, AwsProperties properties, Clock clock) {
        this.connection = connection;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public boolean live() {
        return connection.live();
    }

    /** The last probe's reason when AWS is configured but was not reachable; empty before the first probe. */
    @Override
    public Optional<String> unreachable() {
        var probe = last.get();
        return probe == null || probe.reachable() ? Optional.empty() : Optional.of(probe.detail());
    }

    /** The last probe, probing now when there was none yet. */
    Probe state() {
        var probe = last.get();
        return probe != null ? probe : probe();
    }

    Probe probe() {
        Probe probe;
        if (!connection.live()) {
            probe = new Probe(true, "dry run: " + connection.dryRunReason(), clock.instant());
        } else {
            try {
                var identity = connection.callerIdentity();
                probe = new Probe(true, "reachable as " + identity, clock.instant());
            } catch (SdkException e) {
                probe = new Probe(
                        false,
                        shorten("AWS is configured (%s) but cannot be reached: %s"
                                .formatted(connection.configuration().describe(), reasonOf(e.getMessage()))),
                        clock.instant());
            }
        }
        var previous = last.getAndSet(probe);
        if (previous == null || previous.reachable() != probe.reachable()) {
            if (probe.reachable()) {
                log.info("AWS {}", probe.detail());
            } else {
                log.error("{}: approved requests wait until it is reachable", probe.detail());
            }
        }
        return probe;
    }

    @Override
    public void start() {
        if (!connection.live()) {
            probe();
            return;
        }
        var interval = Math.max(1, properties.reachabilityCheckInterval().toMillis());
        prober = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "aws-reachability");
            thread.setDaemon(true);
            return thread;
        });
        prober.scheduleWithFixedDelay(this::probeQuietly, 0, interval, TimeUnit.MILLISECONDS);
    }

    private void probeQuietly() {
        try {
            probe();
        } catch (RuntimeException e) {
            // A probe that itself breaks must not stop the next ones: it counts as unreachable.
            last.set(new Probe(false, shorten("AWS reachability could not be probed: " + e), clock.instant()));
            log.error("AWS reachability could not be probed", e);
        }
    }

    @Override
    public void stop() {
        if (prober != null) {
            prober.shutdownNow();
            prober = null;
        }
    }

    @Override
    public boolean isRunning() {
        return prober != null;
    }

    /** Boilerplate of the default chain's providers whose sources are simply not set: they explain nothing. */
    private static final List<String> UNSET_SOURCE = List.of(
            "must be specified",
            "must be set",
            "neither AWS_CONTAINER",
            "disabled",
            "Failed to load credentials from IMDS");

    /**
     * The SDK's message, and for a default chain that found no credentials only what the providers whose sources are
     * configured said (e.g. "Profile file contained no credentials for profile 'x'"), not the whole chain.
     */
    static String reasonOf(@Nullable String message) {
        if (message == null) {
            return "(no message)";
        }
        var list = message.indexOf(" : [");
        if (!message.startsWith("Unable to load credentials") || list < 0) {
            return message;
        }
        var failures = message.substring(list + 4, message.endsWith("]") ? message.length() - 1 : message.length());
        var said = new java.util.ArrayList<String>();
        for (var failure : failures.split(", (?=[A-Za-z]+CredentialsProvider\\()")) {
            if (UNSET_SOURCE.stream().anyMatch(failure::contains)) {
                continue;
            }
            var provider = failure.substring(0, Math.max(0, failure.indexOf('(')));
            var text = failure.contains("): ") ? failure.substring(failure.indexOf("): ") + 3) : failure;
            var detail = text.indexOf(": ProfileFile(");
            said.add(provider + ": " + (detail < 0 ? text : text.substring(0, detail)));
        }
        return said.isEmpty()
                ? "no credentials in the default chain"
                : "its credentials do not resolve: " + String.join("; ", said);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }

    /**
     * @param reachable true also in a dry run, where nothing is reached for
     * @param detail who AWS says the portal is, why it cannot be reached, or why it runs dry
     */
    record Probe(boolean reachable, String detail, Instant at) {}
}
