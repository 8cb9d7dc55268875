package io.vendo.catalog;

import java.util.UUID;

/** A blueprint as the catalog lists it, with its newest version number. */
public record BlueprintSummary(
        UUID id, String slug, String name, String description, BlueprintKind kind, String owner, int latestVersion) {}
