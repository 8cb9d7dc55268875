package io.vendo.execution.stackset;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Operations on a StackSet's stack instances, and reports on them. Implemented by the {@code aws} module. Every call
 * that starts an operation carries the spec's OperationId: the same OperationId again is the same operation.
 */
public interface StackSetProvisioner {

    /** The calls provisioning the spec makes, rendered for people (dry run). */
    String plan(StackSetSpec spec);

    /** The spec's operation, if AWS has it (a repeated call must not start another). */
    Optional<OperationStatus> findOperation(StackSetSpec spec);

    /** The calls deleting the spec's stack instances makes, rendered for people (dry run). */
    String planDeletion(StackSetSpec spec);

    /** Starts the operation that deletes the spec's stack instances (and their stacks). */
    void deleteStackInstances(StackSetSpec spec);

    /**
     * The calls updating the spec's values makes, rendered for people (dry run): UpdateStackSet for OUs,
     * UpdateStackInstances for an account.
     */
    String planUpdate(StackSetSpec spec);

    /** Starts the operation that updates the spec's stack instances with its values as parameter overrides. */
    void updateStackInstances(StackSetSpec spec);

    /**
     * Starts the operation that makes the spec's values the StackSet's parameters (its template kept), with the spec's
     * operation preferences, permission model and auto-deployment, and updates the instances of its OUs and regions.
     */
    void updateStackSet(StackSetSpec spec);

    /** Starts the operation that creates the spec's stack instances. */
    void createStackInstances(StackSetSpec spec);

    OperationStatus describeOperation(StackSetSpec spec);

    /** The status of each of the spec's stack instances: one per account and region. */
    List<InstanceStatus> instances(StackSetSpec spec);

    /**
     * @param status {@code QUEUED}, {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED}, {@code STOPPING}, {@code STOPPED}
     */
    record OperationStatus(String status, @Nullable String reason) {}

    /**
     * One stack instance as ListStackInstances reports it.
     *
     * @param organizationalUnit the OU it was deployed through; none for an account's instance
     * @param status {@code CURRENT}, {@code OUTDATED} or {@code INOPERABLE}
     * @param detailedStatus e.g. {@code SUCCEEDED}, {@code FAILED}, {@code CANCELLED}, {@code RUNNING}
     * @param driftStatus {@code DRIFTED}, {@code IN_SYNC}, {@code UNKNOWN} or {@code NOT_CHECKED}
     */
    record InstanceStatus(
            String account,
            @Nullable String organizationalUnit,
            String region,
            String status,
            @Nullable String detailedStatus,
            @Nullable String reason,
            @Nullable String driftStatus) {}
}
