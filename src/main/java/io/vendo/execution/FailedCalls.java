package io.vendo.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How an execution treats an AWS call that failed, for a request and for a composite's component alike: throttling and
 * a busy AWS are waited out (never counted towards max-attempts), other retryable failures are retried a few times
 * with backoff, the rest are final.
 */
final class FailedCalls {

    private final ExecutionProperties properties;

    FailedCalls(ExecutionProperties properties) {
        this.properties = properties;
    }

    /**
     * Counts the failure on the execution.
     *
     * @param message the failure's reason, NoEcho values scrubbed: it goes to the timeline
     * @return run again after a backoff, or fail with the message
     */
    StepOutcome count(Execution execution, ProvisioningException e, String message, Instant now) {
        return switch (e.retry()) {
            case WHEN_AWS_IS_FREE -> {
                execution.throttled(message, now);
                yield new StepOutcome.Continue(backoff(execution.throttledAttempts()));
            }
            case LIMITED -> {
                execution.failedAttempt(message, now);
                yield execution.failedAttempts() < properties.maxAttempts()
                        ? new StepOutcome.Continue(backoff(execution.failedAttempts()))
                        : new StepOutcome.Failed(message);
            }
            case NEVER -> {
                execution.failedAttempt(message, now);
                yield new StepOutcome.Failed(message);
            }
        };
    }

    /** Exponential backoff with jitter, so throttled replicas do not retry in lockstep. */
    private Duration backoff(int attempts) {
        var ceiling = Math.min(
                properties
                        .retryDelay()
                        .multipliedBy(1L << Math.min(attempts - 1, 16))
                        .toMillis(),
                properties.maxRetryDelay().toMillis());
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
