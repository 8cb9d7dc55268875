package io.vendo.catalog;

import java.time.Instant;
import java.util.UUID;

/** One version in a blueprint's history. */
public record BlueprintVersionSummary(UUID versionId, int number, String templateSha256, Instant createdAt) {}
