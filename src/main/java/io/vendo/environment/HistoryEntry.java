package io.vendo.environment;

import io.vendo.request.RequestKind;
import java.time.Instant;
import java.util.UUID;

/** A request that acted on an environment, and when it was filed (for PROVISION: when it succeeded). */
public record HistoryEntry(UUID requestId, RequestKind kind, Instant at) {}
