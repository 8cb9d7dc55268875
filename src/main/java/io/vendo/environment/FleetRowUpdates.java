package io.vendo.environment;

import io.vendo.catalog.Catalog;
import io.vendo.identity.Actor;
import io.vendo.request.DayTwoRequests;
import io.vendo.request.FleetEnvironments;
import io.vendo.request.RequestKind;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The environments of a fleet's rows, for an UPDATE of the fleet: each is updated as {@link Environments#update} would
 * (the same version rules, its values kept unless given, the same preview), or left out with the reason when there is
 * nothing to update there — no environment (the row did not succeed), decommissioned, busy with another day-2 request,
 * failed, of a kind Vendo does not update, already running that version with those values. Locked until the
 * transaction ends, like every day-2 filing.
 */
@Component
class FleetRowUpdates implements FleetEnvironments {

    private final EnvironmentRepository repository;
    private final DayTwoRequests dayTwo;
    private final Catalog catalog;
    private final Clock clock;

    FleetRowUpdates(EnvironmentRepository repository, DayTwoRequests dayTwo, Catalog catalog, Clock clock) {
        this.repository = repository;
        this.dayTwo = dayTwo;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public RowUpdate update(
            UUID provisionedBy,
            @Nullable Integer version,
            Map<String, String> values,
            String justification,
            Actor requester,
            @Nullable UUID ledBy) {
        var found = repository.findByProvisionedBy(provisionedBy);
        if (found.isEmpty()) {
            return new RowUpdate.Skipped("has no environment: its request %s did not succeed".formatted(provisionedBy));
        }
        var id = found.get().id();
        var environment = repository.lockById(id).orElseThrow(() -> new EnvironmentNotFoundException(id));
        var skipped = skipReason(environment);
        if (skipped != null) {
            return new RowUpdate.Skipped(skipped);
        }
        var origin = environment.origin();
        var blueprint = catalog.blueprint(origin.blueprintSlug());
        if (blueprint.retired()) {
            return new RowUpdate.Refused(
                    "version",
                    "Blueprint %s is retired: its environments are no longer updated".formatted(blueprint.slug()));
        }
        var number = version == null ? origin.blueprintVersion() : version;
        if (number < origin.blueprintVersion()) {
            return new RowUpdate.Refused(
                    "version",
                    "Environment %s runs version %d; version %d is older"
                            .formatted(id, origin.blueprintVersion(), number));
        }
        var filed = dayTwo.updateInFleet(
                id,
                environment.deployment().parametersFrom(),
                catalog.version(blueprint.slug(), number),
                origin.targetId(),
                values,
                justification,
                requester,
                ledBy);
        if (filed.isEmpty()) {
            return new RowUpdate.Skipped(
                    "environment %s already runs version %d with these values".formatted(id, number));
        }
        environment.filed(filed.get().id(), RequestKind.UPDATE, requester.username(), clock.instant());
        repository.save(environment);
        return new RowUpdate.Filed(filed.get());
    }

    private static @Nullable String skipReason(Environment environment) {
        var view = environment.toView();
        var status = environment.status();
        if (status == EnvironmentStatus.DECOMMISSIONED || status == EnvironmentStatus.DECOMMISSIONING) {
            return "environment %s is %s".formatted(view.id(), status.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (view.busyWith() != null) {
            return "environment %s is busy with request %s".formatted(view.id(), view.busyWith());
        }
        if (!status.steady()) {
            return "environment %s is %s".formatted(view.id(), status);
        }
        if (!Environments.updatable(environment.origin().blueprintKind())) {
            return "environment %s is a %s, which Vendo does not update"
                    .formatted(view.id(), environment.origin().blueprintKind());
        }
        return null;
    }
}
