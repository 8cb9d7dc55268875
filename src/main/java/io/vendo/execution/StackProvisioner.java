package io.vendo.execution;

import java.util.Optional;

/** Creates CloudFormation stacks and reports on them. Implemented by the {@code aws} module. */
public interface StackProvisioner {

    /** False when no AWS is configured: the executor then renders the calls and ends the request in DRY_RUN. */
    boolean live();

    /** The calls {@link #createStack} would make, rendered for people (dry run, previews). */
    String plan(StackSpec spec);

    /** The id of the stack with the spec's name, if AWS has one (a re-submission after a crash must not create another). */
    Optional<String> findStackId(StackSpec spec);

    /** Starts creating the stack and returns its id. */
    String createStack(StackSpec spec);

    StackStatus describeStack(StackSpec spec, String stackId);

    /** The reason of the first resource that failed during this request's operation, if any. */
    Optional<String> firstFailureReason(StackSpec spec, String stackId);
}
