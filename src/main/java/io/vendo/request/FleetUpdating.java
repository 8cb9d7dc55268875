package io.vendo.request;

import io.vendo.catalog.Catalog;
import io.vendo.catalog.InvalidParametersException;
import io.vendo.catalog.ParameterDefinition;
import io.vendo.identity.Actor;
import io.vendo.refusal.Refusal;
import io.vendo.request.BatchRefusedException.RowError;
import io.vendo.request.FleetEnvironments.RowUpdate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * UPDATE of a fleet: every environment its rows created gets an UPDATE request with its own preview, filed together
 * or not at all, as a batch of its own under the fleet's rollout policy. Its first row leads: its approval (opened
 * held) is released once every row's preview is there, and decides them all. What cannot be asked is refused before
 * anything is filed: an update of an update, a caller who is not the fleet's requester, a fleet still rolling out, a
 * version that does not exist, an unknown parameter, nothing to change. {@link Requests} is the door; this does the
 * work, in its transaction.
 */
@Component
class FleetUpdating {

    private static final Logger log = LoggerFactory.getLogger(FleetUpdating.class);

    private final RequestBatchRepository batches;
    private final RequestBatches fleets;
    private final RequestRepository requests;
    // Implemented by the environment module; a module test of its neighbours starts without it and never updates a
    // fleet.
    private final ObjectProvider<FleetEnvironments> environments;
    private final Catalog catalog;
    private final Clock clock;

    FleetUpdating(
            RequestBatchRepository batches,
            RequestBatches fleets,
            RequestRepository requests,
            ObjectProvider<FleetEnvironments> environments,
            Catalog catalog,
            Clock clock) {
        this.batches = batches;
        this.fleets = fleets;
        this.requests = requests;
        this.environments = environments;
        this.catalog = catalog;
        this.clock = clock;
    }

    BatchView update(RequestBatch fleet, UpdateFleet update, Actor actor) {
        refuseUnlessUpdatable(fleet, update, actor);
        var rowUpdates = environments.getObject();
        var ids = fleet.requestIds();
        var filed = new ArrayList<UUID>();
        var skipped = new ArrayList<SkippedFleetRow>();
        var errors = new ArrayList<RowError>();
        @Nullable UUID lead = null;
        for (int index = 0; index < ids.size(); index++) {
            var row = index;
            try {
                var outcome = rowUpdates.update(
                        ids.get(index), update.version(), update.parameters(), update.justification(), actor, lead);
                switch (outcome) {
                    case RowUpdate.Filed(var request) -> {
                        filed.add(request.id());
                        lead = lead == null ? request.id() : lead;
                    }
                    case RowUpdate.Skipped(var reason) -> skipped.add(new SkippedFleetRow(index, reason));
                    case RowUpdate.Refused(var field, var message) -> errors.add(new RowError(index, field, message));
                }
            } catch (InvalidParametersException invalid) {
                invalid.errors().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .forEach(error ->
                                errors.add(new RowError(row, "parameters." + error.getKey(), error.getValue())));
            }
        }
        if (!errors.isEmpty()) {
            throw new BatchRefusedException(ids.size(), errors);
        }
        if (filed.isEmpty()) {
            throw new BatchActionRefusedException(
                    fleet.id(),
                    Refusal.Kind.INVALID,
                    "Nothing to update: "
                            + skipped.stream()
                                    .map(row -> "row %d %s".formatted(row.fleetRow(), row.reason()))
                                    .collect(Collectors.joining("; ")));
        }
        var now = clock.instant();
        var batch = batches.save(RequestBatch.update(
                UUID.randomUUID(),
                fleet,
                update.version(),
                update.justification(),
                actor,
                Optional.ofNullable(update.maxInFlight()).orElse(fleet.maxInFlight()),
                Optional.ofNullable(update.pauseAfterFailures()).orElse(fleet.pauseAfterFailures()),
                filed,
                skipped,
                now));
        approveWithPolicy(filed);
        log.info(
                "Fleet {} update {} filed: {} rows, {} skipped, version {}",
                fleet.id(),
                batch.id(),
                filed.size(),
                skipped.size(),
                update.version() == null ? "kept" : update.version());
        return fleets.view(batch);
    }

    private void refuseUnlessUpdatable(RequestBatch fleet, UpdateFleet update, Actor actor) {
        if (fleet.updateOf() != null) {
            throw new BatchActionRefusedException(
                    fleet.id(),
                    Refusal.Kind.CONFLICT,
                    "Batch %s is an update of fleet %s: update the fleet".formatted(fleet.id(), fleet.updateOf()));
        }
        if (!actor.username().equals(fleet.requester())) {
            throw new BatchActionRefusedException(
                    fleet.id(), Refusal.Kind.NOT_ALLOWED, "Only the fleet's requester may update it");
        }
        if (update.version() == null && update.parameters().isEmpty()) {
            throw new BatchActionRefusedException(
                    fleet.id(),
                    Refusal.Kind.INVALID,
                    "Nothing to update: name a blueprint version or the parameter values to change");
        }
        var blueprint = catalog.blueprint(fleet.blueprintSlug());
        var number = update.version() == null ? blueprint.latestVersion() : update.version();
        if (number < 1 || number > blueprint.latestVersion()) {
            throw new BatchActionRefusedException(
                    fleet.id(),
                    Refusal.Kind.INVALID,
                    "Blueprint %s has no version %d (its versions are 1 to %d)"
                            .formatted(blueprint.slug(), number, blueprint.latestVersion()));
        }
        var declared = catalog.version(blueprint.slug(), number).parameters().stream()
                .map(ParameterDefinition::name)
                .collect(Collectors.toSet());
        var unknown = new TreeMap<String, String>();
        update.parameters().keySet().stream()
                .filter(name -> !declared.contains(name))
                .forEach(name -> unknown.put(
                        name, "Version %d of %s has no parameter %s".formatted(number, blueprint.slug(), name)));
        if (!unknown.isEmpty()) {
            throw new InvalidParametersException(unknown);
        }
        var view = fleets.view(fleet);
        if (!view.updatable()) {
            var rolling = view.updates().stream()
                    .filter(earlier -> earlier.status() != BatchView.Status.COMPLETED)
                    .findFirst();
            throw new BatchActionRefusedException(
                    fleet.id(),
                    Refusal.Kind.CONFLICT,
                    rolling.map(earlier ->
                                    "Update %s of fleet %s is still rolling out (%s): update again once every row ended"
                                            .formatted(earlier.id(), fleet.id(), earlier.status()))
                            .orElse("Fleet %s is still rolling out (%s): update it once every row ended"
                                    .formatted(fleet.id(), view.status())));
        }
    }

    /**
     * A policy that approved the first row at once (its approval opened granted) approves the rows filed with it: they
     * were filed after it, when its approval had decided already.
     */
    private void approveWithPolicy(java.util.List<UUID> filed) {
        var lead =
                requests.findById(filed.getFirst()).orElseThrow(() -> new RequestNotFoundException(filed.getFirst()));
        if (lead.toView().state() != RequestState.APPROVED) {
            return;
        }
        for (var id : filed.subList(1, filed.size())) {
            var row = requests.findById(id).orElseThrow(() -> new RequestNotFoundException(id));
            if (row.toView().state() == RequestState.PENDING_APPROVAL) {
                row.approve("with request " + filed.getFirst(), clock.instant());
                requests.save(row);
            }
        }
    }
}
