package io.vendo.catalog.api;

import io.vendo.catalog.AwsComparison;
import io.vendo.catalog.BlueprintDetails;
import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionSummary;
import io.vendo.catalog.EnvironmentTier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A blueprint with its metadata and version history, newest version first. */
record BlueprintDetailsResponse(
        UUID id,
        String slug,
        BlueprintKind kind,
        String name,
        String description,
        String owner,
        Map<String, String> tags,
        List<EnvironmentTier> allowedEnvironments,
        @Nullable String approvalPolicy,
        @Nullable String maxLifetime,
        @Nullable Integer quotaPerTeam,
        boolean retired,
        @Nullable Instant retiredAt,
        int latestVersion,
        List<VersionEntry> versions) {

    static BlueprintDetailsResponse of(BlueprintDetails blueprint, List<BlueprintVersionSummary> versions) {
        var metadata = blueprint.metadata();
        return new BlueprintDetailsResponse(
                blueprint.id(),
                blueprint.slug(),
                blueprint.kind(),
                metadata.name(),
                metadata.description(),
                metadata.owner(),
                metadata.tags(),
                metadata.allowedEnvironments(),
                metadata.approvalPolicy(),
                metadata.maxLifetime() == null ? null : metadata.maxLifetime().toString(),
                metadata.quotaPerTeam(),
                blueprint.retired(),
                blueprint.retiredAt(),
                blueprint.latestVersion(),
                versions.stream()
                        .map(version -> new VersionEntry(
                                version.number(),
                                version.createdAt(),
                                version.templateSha256(),
                                "/api/v1/blueprints/%s/versions/%d".formatted(blueprint.slug(), version.number()),
                                version.aws(),
                                version.warnings()))
                        .toList());
    }

    /**
     * @param schema where the version's parameter model is published as JSON Schema
     * @param aws what CloudFormation said when the version was added, and how its model differs from Vendo's
     * @param warnings AllowedPatterns of the version that cannot be matched in linear time
     */
    record VersionEntry(
            int number,
            Instant createdAt,
            String templateSha256,
            String schema,
            @Nullable AwsComparison aws,
            List<String> warnings) {}
}
