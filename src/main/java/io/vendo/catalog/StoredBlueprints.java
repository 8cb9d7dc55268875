package io.vendo.catalog;

import java.util.Optional;
import java.util.UUID;

/** The catalog's blueprints, as composites reference them. */
record StoredBlueprints(BlueprintRepository blueprints, BlueprintVersionRepository versions)
        implements CompositeChecks.Lookup {

    @Override
    public Optional<CompositeChecks.Referenced> latest(String slug) {
        return blueprints.findBySlug(slug).flatMap(blueprint -> versions.findFirstByBlueprintIdOrderByNumberDesc(
                        blueprint.id())
                .map(version -> new CompositeChecks.Referenced(version.toDetails(blueprint), blueprint.retired())));
    }

    @Override
    public BlueprintVersionDetails version(UUID versionId) {
        var version = versions.findById(versionId).orElseThrow();
        return version.toDetails(blueprints.findById(version.blueprintId()).orElseThrow());
    }
}
