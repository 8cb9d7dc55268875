package io.vendo.approval;

import io.vendo.catalog.EnvironmentTier;
import io.vendo.request.RequestKind;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * An approval policy to add. Unset scope attributes match anything.
 *
 * @param requestKind the kind of request it is for (e.g. only extensions); unset: every kind
 */
@NamedInterface(name = "policies", propagate = false)
public record NewPolicy(
        String name,
        @Nullable String blueprintSlug,
        @Nullable EnvironmentTier environment,
        @Nullable String team,
        @Nullable RequestKind requestKind,
        boolean autoApprove,
        List<Requirement> requirements,
        @Nullable String fallbackGroup) {

    public NewPolicy {
        requirements = List.copyOf(requirements);
    }

    /** A policy for requests of every kind. */
    public NewPolicy(
            String name,
            @Nullable String blueprintSlug,
            @Nullable EnvironmentTier environment,
            @Nullable String team,
            boolean autoApprove,
            List<Requirement> requirements,
            @Nullable String fallbackGroup) {
        this(name, blueprintSlug, environment, team, null, autoApprove, requirements, fallbackGroup);
    }
}
