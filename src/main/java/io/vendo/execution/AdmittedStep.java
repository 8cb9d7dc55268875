package io.vendo.execution;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * One run of a request's task around the executor's step: wait in the admission queue until the request holds its
 * slots, take the step, and free the slots once the request is over. Times every run by how it ended.
 */
@Component
class AdmittedStep {

    private final Admission admission;
    private final MeterRegistry meters;

    AdmittedStep(Admission admission, MeterRegistry meters) {
        this.admission = admission;
        this.meters = meters;
    }

    /** @return when to run again, or empty when the request reached a terminal state */
    Optional<Duration> run(UUID requestId, Function<UUID, Optional<Duration>> step) {
        var sample = Timer.start(meters);
        var outcome = "error";
        try {
            var queued = admission.awaitTurn(requestId);
            if (queued.isPresent()) {
                outcome = "queued";
                return queued;
            }
            var next = step.apply(requestId);
            if (next.isEmpty()) {
                admission.release(requestId);
            }
            outcome = next.isPresent() ? "continued" : "finished";
            return next;
        } finally {
            sample.stop(Timer.builder("vendo.execution.step")
                    .description("One run of a request's execution task: a queue check, a submit or a poll")
                    .tag("outcome", outcome)
                    .register(meters));
        }
    }
}
