package io.vendo.catalog;

import java.util.List;
import java.util.UUID;

/** One pinned blueprint version: everything needed to render its form and to deploy its template. */
public record BlueprintVersionDetails(
        UUID versionId,
        UUID blueprintId,
        String slug,
        String name,
        String description,
        BlueprintKind kind,
        int number,
        String templateBody,
        List<ParameterDefinition> parameters,
        List<String> outputs,
        List<String> capabilities) {}
