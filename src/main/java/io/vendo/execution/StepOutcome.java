package io.vendo.execution;

import java.time.Duration;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/** What one step of a kind's executor ended with. */
@NamedInterface(name = "kinds", propagate = false)
public sealed interface StepOutcome {

    /** Run again after this delay (zero: at once, the next phase needs no waiting). */
    record Continue(Duration after) implements StepOutcome {}

    /** The request succeeded with these outputs. */
    record Succeeded(Map<String, String> outputs) implements StepOutcome {
        public Succeeded {
            outputs = Map.copyOf(outputs);
        }
    }

    /**
     * Nothing more until the request is (again) approved: what it will change is shown to approvers, and a new run is
     * scheduled by the approval.
     */
    record AwaitApproval() implements StepOutcome {}

    /** The request failed for this reason (AWS's own words where it gave any). */
    record Failed(String reason) implements StepOutcome {}

    static StepOutcome now() {
        return new Continue(Duration.ZERO);
    }
}
