package io.vendo.execution.stackset;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Adds stack instances to StackSets and reports on the operation. Implemented by the {@code aws} module. */
public interface StackSetProvisioner {

    /** The calls this provisioner makes for the spec, rendered for people (dry run). */
    String plan(StackSetSpec spec);

    /** The spec's operation, if AWS has it (a repeated CreateStackInstances must not start another). */
    Optional<OperationStatus> findOperation(StackSetSpec spec);

    /** The calls deleting the spec's stack instances makes, rendered for people (dry run). */
    String planDeletion(StackSetSpec spec);

    /**
     * Starts the operation that deletes the spec's stack instances (and their stacks); the same OperationId again is
     * the same operation.
     */
    void deleteStackInstances(StackSetSpec spec);

    /** The calls updating the spec's stack instances makes, rendered for people (dry run). */
    String planUpdate(StackSetSpec spec);

    /**
     * Starts the operation that updates the spec's stack instances with its values as parameter overrides; the same
     * OperationId again is the same operation.
     */
    void updateStackInstances(StackSetSpec spec);

    /** Starts the operation that creates the spec's stack instances. */
    void createStackInstances(StackSetSpec spec);

    OperationStatus describeOperation(StackSetSpec spec);

    /** The status of each of the spec's stack instances, one per region. */
    List<InstanceStatus> instances(StackSetSpec spec);

    /**
     * @param status {@code QUEUED}, {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED}, {@code STOPPING}, {@code STOPPED}
     */
    record OperationStatus(String status, @Nullable String reason) {}

    /**
     * @param status {@code CURRENT}, {@code OUTDATED} or {@code INOPERABLE}
     * @param detailedStatus e.g. {@code SUCCEEDED}, {@code FAILED}, {@code CANCELLED}
     */
    record InstanceStatus(String region, String status, @Nullable String detailedStatus, @Nullable String reason) {}
}
