package io.vendo.request;

import io.vendo.refusal.Refusal;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/** No such batch, or none the caller may see (the two are not told apart). */
@NamedInterface("views")
public class BatchNotFoundException extends Refusal {

    BatchNotFoundException(UUID batchId) {
        super(Kind.NOT_FOUND, "Unknown batch", "No batch %s".formatted(batchId));
    }
}
