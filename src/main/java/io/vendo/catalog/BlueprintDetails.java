package io.vendo.catalog;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** A blueprint with its metadata, as its page and the API show it. */
@NamedInterface("blueprints")
public record BlueprintDetails(
        UUID id,
        String slug,
        BlueprintKind kind,
        BlueprintMetadata metadata,
        int latestVersion,
        @Nullable Instant retiredAt,
        Instant createdAt) {

    public boolean retired() {
        return retiredAt != null;
    }
}
