package io.vendo.approval;

import io.vendo.catalog.EnvironmentTier;
import io.vendo.request.RequestKind;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

@NamedInterface(name = "policies", propagate = false)
public record PolicyView(
        UUID id,
        String name,
        @Nullable String blueprintSlug,
        @Nullable EnvironmentTier environment,
        @Nullable String team,
        @Nullable RequestKind requestKind,
        boolean autoApprove,
        List<Requirement> requirements,
        @Nullable String fallbackGroup) {

    /** The scope in words, e.g. "EXTEND requests, blueprint static-website, PROD". */
    public String scope() {
        var parts = new ArrayList<String>();
        if (requestKind != null) {
            parts.add(requestKind.name() + " requests");
        }
        if (blueprintSlug != null) {
            parts.add("blueprint " + blueprintSlug);
        }
        if (environment != null) {
            parts.add(environment.name());
        }
        if (team != null) {
            parts.add("team " + team);
        }
        return parts.isEmpty() ? "everything" : String.join(", ", parts);
    }

    public String rule() {
        return autoApprove
                ? "approved automatically"
                : String.join(
                        " and ",
                        requirements.stream().map(Requirement::toString).toList());
    }
}
