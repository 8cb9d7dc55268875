package io.vendo.catalog.api;

import io.vendo.catalog.AwsComparison;
import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Delivery;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A blueprint version as added: what it holds, and where its parameter model is published.
 *
 * @param warnings what the admin should know: AllowedPatterns that cannot be matched in linear time, whose values are
 *     checked with a bounded effort
 */
record VersionResponse(
        UUID versionId,
        String blueprint,
        BlueprintKind kind,
        int number,
        List<String> parameters,
        List<String> capabilities,
        Delivery delivery,
        String schema,
        @Nullable AwsComparison aws,
        List<String> warnings) {

    static VersionResponse of(BlueprintVersionDetails version, @Nullable AwsComparison aws) {
        return new VersionResponse(
                version.versionId(),
                version.slug(),
                version.kind(),
                version.number(),
                version.parameters().stream().map(p -> p.name()).toList(),
                version.capabilities(),
                version.delivery(),
                "/api/v1/blueprints/%s/versions/%d".formatted(version.slug(), version.number()),
                aws,
                version.patternWarnings());
    }
}
