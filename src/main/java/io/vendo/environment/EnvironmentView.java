package io.vendo.environment;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.EnvironmentTier;
import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An environment as the pages, the API and other modules see it. Parameters show NoEcho values as {@code ****}.
 *
 * @param handles what AWS knows it by: StackId, ProvisionedProductId, AccountId, StackSetName with its accounts and
 *     regions
 * @param expiresAt the end of its lease; none: it has no lease (the blueprint has no maximum lifetime)
 * @param expiryPaused an admin paused its expiry: it is neither reminded nor decommissioned while paused
 * @param busyWith the day-2 request in flight, if any
 */
public record EnvironmentView(
        UUID id,
        UUID provisionedBy,
        String blueprintSlug,
        String blueprintName,
        BlueprintKind blueprintKind,
        UUID blueprintVersionId,
        int blueprintVersion,
        UUID targetId,
        String targetSlug,
        String targetName,
        EnvironmentTier tier,
        String owner,
        String team,
        Map<String, String> parameters,
        Map<String, String> outputs,
        Map<String, String> handles,
        EnvironmentStatus status,
        @Nullable String statusReason,
        @Nullable Instant expiresAt,
        boolean expiryPaused,
        @Nullable UUID busyWith,
        List<HistoryEntry> history,
        Instant createdAt,
        Instant updatedAt) {

    /** How the aggregate's parts are shown. */
    EnvironmentView(
            UUID id,
            UUID provisionedBy,
            Origin origin,
            Ownership ownership,
            Deployment deployment,
            EnvironmentStatus status,
            @Nullable String statusReason,
            Lease lease,
            RequestLog requests,
            Instant createdAt,
            Instant updatedAt) {
        this(
                id,
                provisionedBy,
                origin.blueprintSlug(),
                origin.blueprintName(),
                origin.blueprintKind(),
                origin.blueprintVersionId(),
                origin.blueprintVersion(),
                origin.targetId(),
                origin.targetSlug(),
                origin.targetName(),
                origin.tier(),
                ownership.owner(),
                ownership.team(),
                deployment.parameters(),
                deployment.outputs(),
                Map.copyOf(deployment.handles()),
                status,
                statusReason,
                lease.expiresAt(),
                lease.paused(),
                requests.busyWith(),
                requests.history(),
                createdAt,
                updatedAt);
    }

    /**
     * Whether the actor may file its day-2 requests and check its drift: as a requester, its owner or an admin (its
     * status may still refuse).
     */
    public boolean actionableBy(Actor actor) {
        return actor.has(Role.REQUESTER) && new Ownership(owner, team).ownedBy(actor);
    }

    /** How people name it: what it is and where. */
    public String name() {
        return blueprintName + " on " + targetName;
    }
}
