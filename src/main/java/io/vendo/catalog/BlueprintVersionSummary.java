package io.vendo.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * One version in a blueprint's history.
 *
 * @param aws what CloudFormation said when the version was added; none for versions older than the check
 * @param warnings AllowedPatterns of the version that cannot be matched in linear time (see {@link AllowedPattern})
 */
@NamedInterface(name = "administration", propagate = false)
public record BlueprintVersionSummary(
        UUID versionId,
        int number,
        String templateSha256,
        Instant createdAt,
        @Nullable AwsComparison aws,
        List<String> warnings) {

    public BlueprintVersionSummary {
        warnings = List.copyOf(warnings);
    }
}
