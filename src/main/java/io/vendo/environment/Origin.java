package io.vendo.environment;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.request.RequestView;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.UUID;

/**
 * What an environment was made from: its PROVISION request, the blueprint version that request asked for and the
 * target it stands on, with the names they had then (an environment keeps its names when the catalog renames them).
 */
@Embeddable
record Origin(
        @Column(name = "provisioned_by", nullable = false, updatable = false) UUID provisionedBy,
        @Column(name = "blueprint_slug", nullable = false, updatable = false) String blueprintSlug,
        @Column(name = "blueprint_name", nullable = false) String blueprintName,
        @Enumerated(EnumType.STRING) @Column(name = "blueprint_kind", nullable = false, updatable = false)
                BlueprintKind blueprintKind,
        @Column(name = "blueprint_version_id", nullable = false) UUID blueprintVersionId,
        @Column(name = "blueprint_version", nullable = false) int blueprintVersion,
        @Column(name = "target_id", nullable = false, updatable = false) UUID targetId,
        @Column(name = "target_slug", nullable = false, updatable = false) String targetSlug,
        @Column(name = "target_name", nullable = false, updatable = false) String targetName,
        @Enumerated(EnumType.STRING) @Column(name = "tier", nullable = false, updatable = false) EnvironmentTier tier) {

    static Origin of(RequestView request, BlueprintKind kind, EnvironmentTier tier) {
        return new Origin(
                request.id(),
                request.blueprintSlug(),
                request.blueprintName(),
                kind,
                request.blueprintVersionId(),
                request.blueprintVersion(),
                request.targetId(),
                request.targetSlug(),
                request.targetName(),
                tier);
    }

    /** The blueprint version an UPDATE request moved it to (the same blueprint, on the same target). */
    Origin updatedTo(RequestView request) {
        return new Origin(
                provisionedBy,
                blueprintSlug,
                request.blueprintName(),
                blueprintKind,
                request.blueprintVersionId(),
                request.blueprintVersion(),
                targetId,
                targetSlug,
                targetName,
                tier);
    }

    /** How the events name the blueprint version: {@code static-website v3}. */
    String blueprintLabel() {
        return blueprintSlug + " v" + blueprintVersion;
    }
}
