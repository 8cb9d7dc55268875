package io.vendo.request;

import io.vendo.refusal.Refusal;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** An action on a batch that its state or the caller does not allow (resuming a rollout that is not paused). */
@NamedInterface("views")
public class BatchActionRefusedException extends Refusal {

    BatchActionRefusedException(UUID batchId, Kind kind, String detail) {
        super(
                kind,
                kind == Kind.CONFLICT ? "Batch not in a state for this" : "Not allowed on this batch",
                detail,
                java.util.Map.of("batch", batchId.toString()));
    }
}
