package io.vendo.environment;

import io.vendo.catalog.Catalog;
import io.vendo.request.RequestEvent;
import io.vendo.request.RequestEvent.RequestCancelled;
import io.vendo.request.RequestEvent.RequestDryRunCompleted;
import io.vendo.request.RequestEvent.RequestExpired;
import io.vendo.request.RequestEvent.RequestFailed;
import io.vendo.request.RequestEvent.RequestRejected;
import io.vendo.request.RequestEvent.RequestStarted;
import io.vendo.request.RequestEvent.RequestSucceeded;
import io.vendo.request.RequestKind;
import io.vendo.request.Requests;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps environments in step with the requests that act on them. A succeeded PROVISION request becomes an environment
 * in the transaction in which it succeeds (so a succeeded request always has one, and quotas never miss it). After
 * commit, a DECOMMISSION request that starts makes it DECOMMISSIONING, one that succeeds DECOMMISSIONED (freeing its
 * quota), one that fails FAILED with the reason; an UPDATE request whose change set runs makes it UPDATING, one that
 * succeeds ACTIVE with its new version, parameters and outputs, one that fails while it runs FAILED; any other day-2 request that ends without changing it (rejected,
 * cancelled, expired, failed, run dry) frees it.
 */
@Component
class EnvironmentRecorder {

    private static final Logger log = LoggerFactory.getLogger(EnvironmentRecorder.class);

    private final EnvironmentRepository repository;
    private final Requests requests;
    private final Catalog catalog;
    private final Clock clock;

    EnvironmentRecorder(EnvironmentRepository repository, Requests requests, Catalog catalog, Clock clock) {
        this.repository = repository;
        this.requests = requests;
        this.catalog = catalog;
        this.clock = clock;
    }

    @EventListener
    void on(RequestSucceeded succeeded) {
        if (succeeded.kind() != RequestKind.PROVISION
                || repository.findByProvisionedBy(succeeded.requestId()).isPresent()) {
            return;
        }
        var request = requests.require(succeeded.requestId());
        var version = catalog.version(request.blueprintVersionId());
        var target = catalog.target(request.targetId());
        // As the vendo:expires-on tag written at creation says: submission + the blueprint's maximum lifetime.
        var lifetime = catalog.blueprint(version.blueprintId()).metadata().maxLifetime();
        var expiresAt = lifetime == null ? null : request.submittedAt().plus(lifetime);
        var environment = repository.save(Environment.provisioned(
                request,
                version.kind(),
                target.environment(),
                succeeded.outputs(),
                succeeded.handles(),
                expiresAt,
                clock.instant()));
        log.info("Environment {} recorded for request {}", environment.id(), request.id());
    }

    /**
     * A submission changes no environment (a day-2 request marks its environment busy in the submitting transaction).
     * The condition is evaluated before the event publication registry stores anything, so a submission costs no
     * publication here (an insert, a read and three transactions).
     */
    @ApplicationModuleListener(condition = "!(#event instanceof T(io.vendo.request.RequestEvent$RequestSubmitted))")
    void on(RequestEvent event) {
        repository.findByBusyWith(event.requestId()).ifPresent(environment -> {
            var now = clock.instant();
            var id = event.requestId();
            switch (event) {
                case RequestStarted started
                when started.kind() == RequestKind.DECOMMISSION -> environment.decommissioning(id, now);
                case RequestStarted started when started.kind() == RequestKind.UPDATE -> environment.updating(id, now);
                case RequestSucceeded succeeded
                when succeeded.kind() == RequestKind.UPDATE ->
                    environment.updated(requests.require(id), succeeded.outputs(), succeeded.handles(), now);
                case RequestSucceeded succeeded
                when succeeded.kind() == RequestKind.DECOMMISSION ->
                    environment.decommissioned(id, succeeded.outputs().get(Environments.KEPT), succeeded.actor(), now);
                // An UPDATE that fails before its change set runs (a preview AWS could not compute) changed nothing.
                case RequestFailed failed
                when failed.kind() == RequestKind.DECOMMISSION
                        || (failed.kind() == RequestKind.UPDATE
                                && environment.status() == EnvironmentStatus.UPDATING) ->
                    environment.failed(id, failed.reason(), now);
                case RequestFailed failed -> environment.ended(id, "failed", now);
                case RequestRejected rejected -> environment.ended(id, "rejected", now);
                case RequestCancelled cancelled -> environment.ended(id, "cancelled", now);
                case RequestExpired expired -> environment.ended(id, "expired", now);
                case RequestDryRunCompleted dryRun -> environment.ended(id, "run dry", now);
                default -> {
                    return;
                }
            }
            repository.save(environment);
        });
    }
}
