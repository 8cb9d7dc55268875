package io.vendo.request;

import io.vendo.request.RequestProgress.ApprovalGranted;
import io.vendo.request.RequestProgress.ApprovalLapsed;
import io.vendo.request.RequestProgress.ApprovalRefused;
import io.vendo.request.RequestProgress.DryRunCompleted;
import io.vendo.request.RequestProgress.ExecutionFailed;
import io.vendo.request.RequestProgress.ExecutionPreviewed;
import io.vendo.request.RequestProgress.ExecutionStarted;
import io.vendo.request.RequestProgress.ExecutionSucceeded;
import io.vendo.request.RequestProgress.PreviewWentStale;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a request on when the approval or execution module reports progress ({@link RequestProgress}). The listeners
 * are synchronous, in the reporting transaction: an approval's completing decision and the request's APPROVED state,
 * an execution's last row and the request's end, commit together or not at all. A transition the request's state
 * does not allow ({@link RequestStateConflictException}) fails the report, which rolls back with it; the version
 * fences concurrent writers (an approver and the requester cancelling, two executors).
 */
@Component
class RequestTransitions {

    private final RequestRepository repository;
    private final RequestBatches batches;
    private final Clock clock;

    RequestTransitions(RequestRepository repository, RequestBatches batches, Clock clock) {
        this.repository = repository;
        this.batches = batches;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(ApprovalGranted granted) {
        decide(granted.requestId(), request -> request.approve(granted.approvedBy(), clock.instant()));
    }

    @EventListener
    @Transactional
    void on(ApprovalRefused refused) {
        decide(refused.requestId(), request -> request.reject(refused.refusedBy(), refused.reason(), clock.instant()));
    }

    @EventListener
    @Transactional
    void on(ApprovalLapsed lapsed) {
        decide(lapsed.requestId(), request -> request.expire(clock.instant()));
    }

    /**
     * The approval's request, and when it leads a batch every row still waiting for it (a row withdrawn meanwhile, or
     * one that ran already when an update's approval was asked again for another row's new preview, is left as it is):
     * one approval decides the batch.
     */
    private void decide(UUID id, Consumer<VendingRequest> decision) {
        var followers = batches.followersOf(id);
        if (followers.isEmpty()) {
            change(id, decision);
            return;
        }
        for (var row : java.util.stream.Stream.concat(java.util.stream.Stream.of(id), followers.stream())
                .toList()) {
            var request = repository.findById(row).orElseThrow(() -> new RequestNotFoundException(row));
            if (request.toView().state() == RequestState.PENDING_APPROVAL) {
                decision.accept(request);
                repository.save(request);
            }
        }
    }

    @EventListener
    @Transactional
    void on(ExecutionStarted started) {
        change(started.requestId(), request -> request.start(started.operation(), clock.instant()));
    }

    /** An abandoned composite's execution succeeds once every stack it left is deleted: it ends ABANDONED. */
    @EventListener
    @Transactional
    void on(ExecutionSucceeded succeeded) {
        change(succeeded.requestId(), request -> {
            if (request.toView().state() == RequestState.ABANDONING) {
                request.abandoned(clock.instant());
            } else {
                request.succeed(succeeded.outputs(), succeeded.handles(), clock.instant());
            }
        });
    }

    @EventListener
    @Transactional
    void on(ExecutionFailed failed) {
        change(failed.requestId(), request -> request.fail(failed.reason(), clock.instant()));
    }

    @EventListener
    @Transactional
    void on(ExecutionPreviewed previewed) {
        change(previewed.requestId(), request -> request.previewed(previewed.preview(), clock.instant()));
    }

    @EventListener
    @Transactional
    void on(PreviewWentStale stale) {
        change(stale.requestId(), request -> request.returnForApproval(stale.reason(), clock.instant()));
    }

    @EventListener
    @Transactional
    void on(DryRunCompleted completed) {
        change(completed.requestId(), request -> request.completeDryRun(completed.plan(), clock.instant()));
    }

    private void change(UUID id, Consumer<VendingRequest> transition) {
        var request = repository.findById(id).orElseThrow(() -> new RequestNotFoundException(id));
        transition.accept(request);
        repository.save(request);
    }
}
