package io.vendo.environment;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.vendo.catalog.BlueprintKind;
import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drift checks of STACK environments: requested on demand (by the owner or an admin), by the schedule, or after an
 * update; each is carried out by its durable task ({@link DriftCheckTask}). One runs at a time per environment: asking
 * again while one runs answers that one.
 */
@Service
@Transactional
public class DriftChecks {

    private final DriftCheckRepository checks;
    private final EnvironmentRepository environments;
    private final Environments owned;
    private final SchedulerClient scheduler;
    private final Clock clock;

    DriftChecks(
            DriftCheckRepository checks,
            EnvironmentRepository environments,
            Environments owned,
            SchedulerClient scheduler,
            Clock clock) {
        this.checks = checks;
        this.environments = environments;
        this.owned = owned;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /**
     * Starts a drift check of the environment, or answers the one that runs.
     *
     * @throws EnvironmentNotFoundException when the actor may not see it
     * @throws DayTwoRefusedException when the actor is neither its owner nor an admin
     * @throws DriftCheckRefusedException when it is no STACK environment, not ACTIVE or DRIFTED, or busy with a day-2
     *     request
     */
    public DriftCheckView request(UUID environmentId, Actor actor) {
        if (!actor.has(Role.REQUESTER)) {
            throw new AccessDeniedException("%s may not check drift".formatted(actor.username()));
        }
        var view = owned.lockForOwner(environmentId, actor).toView();
        refuseUnlessCheckable(view);
        return start(view, DriftCheckTrigger.ON_DEMAND, actor.username()).toView();
    }

    /**
     * A check the schedule or an update asks for, by {@code vendo}; nothing when the environment cannot be checked
     * now (the schedule looks again later).
     */
    Optional<DriftCheckView> requestBySystem(UUID environmentId, DriftCheckTrigger trigger) {
        var environment = environments.lockById(environmentId).orElse(null);
        if (environment == null) {
            return Optional.empty();
        }
        var view = environment.toView();
        try {
            if (trigger == DriftCheckTrigger.AFTER_UPDATE) {
                // The update that just succeeded may not have let go of the environment yet: its own request and
                // status (UPDATING) do not hold the check back, which ends after it.
                refuseUnlessStack(view);
            } else {
                refuseUnlessCheckable(view);
            }
        } catch (DriftCheckRefusedException notNow) {
            return Optional.empty();
        }
        return Optional.of(start(view, trigger, LeaseExpiry.VENDO).toView());
    }

    /** @throws EnvironmentNotFoundException also when the check is of another environment, or the viewer may not see it */
    @Transactional(readOnly = true)
    public DriftCheckView get(UUID environmentId, UUID checkId, Actor viewer) {
        owned.visible(environmentId, viewer);
        return checks.findById(checkId)
                .filter(check -> check.environmentId().equals(environmentId))
                .map(DriftCheck::toView)
                .orElseThrow(() -> new EnvironmentNotFoundException(environmentId));
    }

    /**
     * What the environment's drift is known to be: its newest check that found an answer (IN_SYNC or DRIFTED), for
     * pages and the API of an environment the caller may see already.
     */
    @Transactional(readOnly = true)
    public Optional<DriftCheckView> verdict(UUID environmentId) {
        return checks.findFirstByEnvironmentIdAndStateInOrderByRequestedAtDesc(
                        environmentId, EnumSet.of(DriftCheckState.IN_SYNC, DriftCheckState.DRIFTED))
                .map(DriftCheck::toView);
    }

    /** Its newest check, whatever became of it (running, failed, run dry). */
    @Transactional(readOnly = true)
    public Optional<DriftCheckView> latest(UUID environmentId) {
        return checks.findFirstByEnvironmentIdOrderByRequestedAtDesc(environmentId)
                .map(DriftCheck::toView);
    }

    private DriftCheck start(EnvironmentView environment, DriftCheckTrigger trigger, String actor) {
        var running = checks.running(environment.id());
        if (running.isPresent()) {
            return running.get();
        }
        // A STACK environment has its stack's id: refuseUnlessStack made sure.
        var stackId = Objects.requireNonNull(environment.handles().get("StackId"));
        var check = checks.save(DriftCheck.requested(environment.id(), stackId, trigger, actor, clock.instant()));
        scheduler.scheduleIfNotExists(
                DriftCheckTask.TASK.instance(check.id().toString()).scheduledTo(clock.instant()));
        return check;
    }

    private static void refuseUnlessStack(EnvironmentView environment) {
        if (environment.blueprintKind() != BlueprintKind.STACK
                || environment.handles().get("StackId") == null) {
            throw DriftCheckRefusedException.notAStack(environment.id(), environment.blueprintKind());
        }
        if (!environment.status().standing() || environment.status() == EnvironmentStatus.DECOMMISSIONING) {
            throw DriftCheckRefusedException.notStanding(environment.id(), environment.status());
        }
    }

    private static void refuseUnlessCheckable(EnvironmentView environment) {
        refuseUnlessStack(environment);
        if (!environment.status().steady()) {
            throw DriftCheckRefusedException.notStanding(environment.id(), environment.status());
        }
        if (environment.busyWith() != null) {
            throw DriftCheckRefusedException.busy(environment.id(), environment.busyWith());
        }
    }
}
