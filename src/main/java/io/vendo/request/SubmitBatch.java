package io.vendo.request;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A fleet: one blueprint (its newest version is pinned for every row), one justification, and rows of (target,
 * parameter values), each becoming a PROVISION request; one approval decides them all.
 *
 * @param maxInFlight rows executing at once; none: {@code vendo.request.batch.max-in-flight}
 * @param pauseAfterFailures failed rows after which the rollout pauses; none: {@code
 *     vendo.request.batch.pause-after-failures}
 */
@NamedInterface("views")
public record SubmitBatch(
        String blueprint,
        String justification,
        List<Row> rows,
        @Nullable Integer maxInFlight,
        @Nullable Integer pauseAfterFailures) {

    public SubmitBatch {
        rows = List.copyOf(rows);
    }

    /** One deployment of the fleet. */
    public record Row(String target, Map<String, String> parameters) {

        public Row {
            parameters = Map.copyOf(parameters);
        }
    }
}
