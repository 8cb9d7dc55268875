package io.vendo.catalog;

import org.springframework.modulith.NamedInterface;

/** A blueprint to add to the catalog with its first version. */
@NamedInterface(name = "administration", propagate = false)
public record NewBlueprint(String slug, BlueprintKind kind, BlueprintMetadata metadata, NewVersion version) {}
