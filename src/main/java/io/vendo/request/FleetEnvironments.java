package io.vendo.request;

import io.vendo.identity.Actor;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * The environments a fleet's rows created, for an UPDATE of the fleet: implemented by the environment module, which
 * decides whether each may be updated and files its UPDATE request through {@link DayTwoRequests}. In the caller's
 * transaction; nothing it files outlives a refused fleet update.
 */
@NamedInterface("ports")
public interface FleetEnvironments {

    /**
     * Files an UPDATE of the environment that a fleet's row (its PROVISION request) created, or says why the row is
     * left out.
     *
     * @param version the blueprint version to run; none: the environment's own
     * @param ledBy the request whose approval decides this one too; none for the update's first row
     * @throws io.vendo.catalog.InvalidParametersException for values the version's form refuses
     */
    RowUpdate update(
            UUID provisionedBy,
            @Nullable Integer version,
            Map<String, String> values,
            String justification,
            Actor requester,
            @Nullable UUID ledBy);

    /** What became of one row of the fleet. */
    sealed interface RowUpdate {

        /** Its UPDATE request was filed. */
        record Filed(RequestView request) implements RowUpdate {}

        /** Left out: nothing to update there (no environment, decommissioned, busy, already up to date). */
        record Skipped(String reason) implements RowUpdate {}

        /** Refused: the update cannot apply to it as asked (a version older than the one it runs). */
        record Refused(String field, String message) implements RowUpdate {}
    }
}
