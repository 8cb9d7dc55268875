package io.vendo.request;

import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * What other modules report about a request, for the request to move on: the contracts this module reacts to. The
 * approval and execution modules publish events of their own that implement these (as an engine reports that an
 * order's preparation started), and {@link RequestTransitions} applies the matching transition of the aggregate, in
 * the reporting module's transaction. So neither module calls the request's transitions, and the request module
 * knows neither of them.
 */
@NamedInterface("progress")
public final class RequestProgress {

    private RequestProgress() {}

    /** The approval is complete: the request may be executed. */
    public interface ApprovalGranted {
        UUID requestId();

        /** The approver whose decision completed the approval, or {@code policy:<name>} when it approves itself. */
        String approvedBy();
    }

    /** An approver rejected the request, with a reason for the requester. */
    public interface ApprovalRefused {
        UUID requestId();

        String refusedBy();

        String reason();
    }

    /** Nobody decided before the approval's deadline. */
    public interface ApprovalLapsed {
        UUID requestId();
    }

    /** The first call to AWS is about to be made: from now on the request cannot be cancelled. */
    public interface ExecutionStarted {
        UUID requestId();

        /** What is being done, e.g. {@code CreateChangeSet vendo-…}. */
        String operation();
    }

    /** AWS did what was asked for. */
    public interface ExecutionSucceeded {
        UUID requestId();

        Map<String, String> outputs();

        /**
         * What AWS identifies the result by, for the environment: {@code StackId}, {@code ProvisionedProductId},
         * {@code AccountId}, {@code StackSetName} with {@code StackSetAccounts} and {@code StackSetRegions}.
         */
        Map<String, String> handles();
    }

    /** The execution failed for good, with a reason for the requester (never a NoEcho value). */
    public interface ExecutionFailed {
        UUID requestId();

        String reason();
    }

    /** AWS computed what the request will change, before anyone decides (an UPDATE's change set). */
    public interface ExecutionPreviewed {
        UUID requestId();

        ChangePreview preview();
    }

    /**
     * What was approved can no longer be executed as it was shown (its change set went stale): the request must be
     * approved again once a new preview is computed. Nothing was executed.
     */
    public interface PreviewWentStale {
        UUID requestId();

        String reason();
    }

    /** Without AWS, the execution rendered the calls it would make: nothing was created. */
    public interface DryRunCompleted {
        UUID requestId();

        String plan();
    }
}
