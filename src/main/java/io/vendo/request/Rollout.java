package io.vendo.request;

import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * How a row of a batch is rolled out, for the executor: it counts against its batch's {@code maxInFlight} besides the
 * admission limits, and waits while the batch is paused ({@link BatchEvent.BatchPaused}).
 */
@NamedInterface("views")
public record Rollout(UUID batchId, int maxInFlight) {}
