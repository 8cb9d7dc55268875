package io.vendo.request;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/**
 * What the requester chose from the catalog: a blueprint version and a target, with the names they had then (a request
 * keeps them when the catalog renames its entries).
 */
@Embeddable
record CatalogChoice(
        @Column(name = "blueprint_version_id", nullable = false, updatable = false) UUID blueprintVersionId,
        @Column(name = "blueprint_slug", nullable = false, updatable = false) String blueprintSlug,
        @Column(name = "blueprint_name", nullable = false, updatable = false) String blueprintName,
        @Column(name = "blueprint_version", nullable = false, updatable = false) int blueprintVersion,
        @Column(name = "target_id", nullable = false, updatable = false) UUID targetId,
        @Column(name = "target_slug", nullable = false, updatable = false) String targetSlug,
        @Column(name = "target_name", nullable = false, updatable = false) String targetName) {

    static CatalogChoice of(NewRequest request) {
        return new CatalogChoice(
                request.blueprint().versionId(),
                request.blueprint().slug(),
                request.blueprint().name(),
                request.blueprint().number(),
                request.target().id(),
                request.target().slug(),
                request.target().name());
    }
}
