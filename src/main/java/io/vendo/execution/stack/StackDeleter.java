package io.vendo.execution.stack;

import java.util.List;
import java.util.Optional;

/** Deletes the stacks of decommissioned environments and reports on them. Implemented by the {@code aws} module. */
public interface StackDeleter {

    /** The calls deleting the stack makes, rendered for people (dry run). */
    String plan(StackDeletionSpec spec);

    /** Turns termination protection off; calling it again changes nothing. */
    void unprotect(StackDeletionSpec spec);

    /** Starts deleting the stack; calling it again while it is being deleted, or once it is deleted, changes nothing. */
    void deleteStack(StackDeletionSpec spec);

    /**
     * The stack's status while it is deleted: DELETE_IN_PROGRESS, then DELETE_COMPLETE (succeeded; also a stack AWS no
     * longer knows) or DELETE_FAILED.
     */
    StackStatus describeDeletion(StackDeletionSpec spec);

    /**
     * What the deletion kept, as its events say (DELETE_SKIPPED: retained by the resource's deletion policy), e.g.
     * {@code SiteBucket (AWS::S3::Bucket, my-site-bucket)}.
     */
    List<String> retainedResources(StackDeletionSpec spec);

    /** The reason of the first resource the deletion failed on, if any. */
    Optional<String> firstDeletionFailure(StackDeletionSpec spec);
}
