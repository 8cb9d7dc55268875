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
            Origin origin,
            Ownership ownership,
            Deployment deployment,
            Condition condition,
            Lease lease,
            RequestLog requests,
            Instant createdAt,
            Instant updatedAt) {
        this(
                id,
                origin.provisionedBy(),
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
                condition.status(),
                condition.reason(),
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

    /** Whether the actor may file its DECOMMISSION (and its EXTEND, when it has a lease): it still stands. */
    public boolean decommissionableBy(Actor actor) {
        return actionableBy(actor) && status.standing();
    }

    /**
     * Whether the actor may file its UPDATE, its blueprint's retirement aside (the catalog knows that): a steady
     * environment of a kind Vendo updates.
     */
    public boolean updatableBy(Actor actor) {
        return actionableBy(actor) && status.steady() && Environments.updatable(blueprintKind);
    }

    /** Whether the actor may check its drift now: a steady stack that no day-2 request is changing. */
    public boolean driftCheckableBy(Actor actor) {
        return blueprintKind == BlueprintKind.STACK && actionableBy(actor) && status.steady() && busyWith == null;
    }

    /** How people name it: what it is and where. */
    public String name() {
        return blueprintName + " on " + targetName;
    }
}
