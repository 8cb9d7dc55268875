package io.vendo.catalog;

/** A blueprint to add to the catalog with its first version. */
public record NewBlueprint(String slug, BlueprintKind kind, BlueprintMetadata metadata, NewVersion version) {}
