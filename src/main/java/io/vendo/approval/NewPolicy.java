package io.vendo.approval;

import io.vendo.catalog.EnvironmentTier;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** An approval policy to add. Unset scope attributes match anything. */
@NamedInterface(name = "policies", propagate = false)
public record NewPolicy(
        String name,
        @Nullable String blueprintSlug,
        @Nullable EnvironmentTier environment,
        @Nullable String team,
        boolean autoApprove,
        List<Requirement> requirements,
        @Nullable String fallbackGroup) {

    public NewPolicy {
        requirements = List.copyOf(requirements);
    }
}
