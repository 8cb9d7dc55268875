package io.vendo.request;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.Catalog;
import io.vendo.identity.Actor;
import io.vendo.refusal.Refusal;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * What the requester of a failed composite request may do with it: continue it from its failed component, or abandon
 * it, which deletes every stack it left in the target account (in reverse dependency order) and ends it ABANDONED.
 * Either is refused for a request that is not the caller's (403), not a composite PROVISION request or not FAILED
 * (409); once abandoned, a request is never retried. {@link Requests} checks first that the caller may see it.
 */
@Component
class FailedComposites {

    private final RequestRepository repository;
    private final Catalog catalog;
    private final Clock clock;

    FailedComposites(RequestRepository repository, Catalog catalog, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Continues a failed composite request from its failed component: the components that succeeded keep their stacks,
     * the failed one and those it stopped are tried again (a new attempt, with stacks and tokens of their own).
     *
     * @throws RecoveryRefusedException unless the actor is the requester of a failed composite PROVISION request
     *     that was never abandoned
     * @throws RequestStateConflictException unless the request failed
     */
    RequestView retry(RequestView view, Actor actor) {
        var request = composite(view, actor, "Retry", "continues from its failed component");
        request.retry(actor.username(), clock.instant());
        return repository.save(request).toView();
    }

    /**
     * Abandons a failed composite request: the execution module deletes every stack its components created (and the
     * rolled-back ones failed attempts left), and the request ends ABANDONED once none is left. A request whose
     * abandonment stopped (a stack AWS would not delete) failed again and may be abandoned again.
     *
     * @throws RecoveryRefusedException unless the actor is the requester of a composite PROVISION request
     * @throws RequestStateConflictException unless the request failed
     */
    RequestView abandon(RequestView view, Actor actor) {
        var request = composite(view, actor, "Abandon", "is abandoned (its stacks deleted)");
        request.abandon(actor.username(), clock.instant());
        return repository.save(request).toView();
    }

    private VendingRequest composite(RequestView view, Actor actor, String action, String what) {
        var id = view.id();
        if (!actor.username().equals(view.requester())) {
            throw new RecoveryRefusedException(
                    id,
                    Refusal.Kind.NOT_ALLOWED,
                    action,
                    "Only the requester may %s request %s".formatted(action.toLowerCase(java.util.Locale.ROOT), id));
        }
        if (view.kind() != RequestKind.PROVISION
                || catalog.version(view.blueprintVersionId()).kind() != BlueprintKind.COMPOSITE) {
            throw new RecoveryRefusedException(
                    id, action, "Only a composite PROVISION request %s; file a new request instead".formatted(what));
        }
        return repository.findById(id).orElseThrow(() -> new RequestNotFoundException(id));
    }
}
