package io.vendo.execution;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.Delivery;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import io.vendo.request.Rollout;
import org.springframework.stereotype.Component;

/** What a request's operation will occupy once admitted: its {@link AdmissionClaim}, from its blueprint and target. */
@Component
class AdmissionClaims {

    private final Catalog catalog;
    private final Requests requests;
    private final AdmissionProperties limits;

    AdmissionClaims(Catalog catalog, Requests requests, AdmissionProperties limits) {
        this.catalog = catalog;
        this.requests = requests;
        this.limits = limits;
    }

    AdmissionClaim of(RequestView request) {
        var version = catalog.version(request.blueprintVersionId());
        var target = catalog.target(request.targetId());
        var service = AdmissionService.of(version.kind());
        var stackSet = version.delivery() instanceof Delivery.StackSet set ? set.stackSetName() : null;
        var rollout = requests.rolloutOf(request.id());
        var slots = version.kind() == BlueprintKind.COMPOSITE
                ? AdmissionClaim.compositeSlots(catalog.compositeGraph(version), limits)
                : 1;
        return new AdmissionClaim(
                service,
                target.accountId(),
                target.region(),
                service == AdmissionService.STACK_SET ? stackSet : null,
                rollout.map(Rollout::batchId).orElse(null),
                rollout.map(Rollout::maxInFlight).orElse(0),
                slots);
    }
}
