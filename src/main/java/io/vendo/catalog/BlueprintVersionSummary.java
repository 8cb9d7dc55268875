package io.vendo.catalog;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One version in a blueprint's history.
 *
 * @param aws what CloudFormation said when the version was added; none for versions older than the check
 */
public record BlueprintVersionSummary(
        UUID versionId, int number, String templateSha256, Instant createdAt, @Nullable AwsComparison aws) {}
