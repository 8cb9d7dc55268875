package io.vendo.request;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * Where a request stands in its fleet: its batch, and its row (0 leads: its approval decides every row).
 *
 * @param leadRequestId row 0's request, whose approval decides this row
 */
@NamedInterface("views")
public record BatchRow(UUID batchId, int index, UUID leadRequestId) {

    public boolean leads() {
        return index == 0;
    }
}
