package io.vendo.execution.product;

import io.vendo.execution.product.ProductProvisioner.RecordStatus;
import io.vendo.execution.stack.ResourceChange;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Updates the provisioned products of environments through a provisioned product plan: the plan is computed first (its
 * resource changes are what approvers are shown), and only that plan is executed. Implemented by the {@code aws}
 * module.
 */
public interface ProductUpdater {

    /** The calls updating makes, rendered for people (dry run). */
    String plan(ProductUpdateSpec spec);

    /** The environment's provisioned product as it stands: its name, and the last request that changed it. */
    ProvisionedProduct describeProvisionedProduct(ProductUpdateSpec spec);

    /**
     * Creates the spec's plan for the named provisioned product; the same IdempotencyToken again is the same plan.
     *
     * @return the plan's id
     */
    String createPlan(ProductUpdateSpec spec, String provisionedProductName);

    /** The plan with its resource changes (every page), or empty when it no longer exists. */
    Optional<Plan> describePlan(ProductUpdateSpec spec, String planId);

    /**
     * Executes the plan; the same IdempotencyToken again is the same execution.
     *
     * @return the record's id
     */
    String executePlan(ProductUpdateSpec spec, String planId);

    /** Deletes a plan that will never run (it went stale): a provisioned product has one plan at a time. */
    void deletePlan(ProductUpdateSpec spec, String planId);

    RecordStatus describeRecord(ProductUpdateSpec spec, String recordId);

    /**
     * @param lastChange the record of the last request that changed it (provisioning, update, plan execution,
     *     termination): another one than when a plan was computed means the plan no longer shows what would change
     */
    record ProvisionedProduct(String name, String status, @Nullable String lastChange) {}

    /**
     * @param status {@code CREATE_IN_PROGRESS}, {@code CREATE_SUCCESS}, {@code CREATE_FAILED}, {@code
     *     EXECUTE_IN_PROGRESS}, {@code EXECUTE_SUCCESS} or {@code EXECUTE_FAILED}
     * @param changes the resource changes, in CloudFormation's words (Add, Modify, Remove; True, Conditional)
     */
    record Plan(String planId, String status, @Nullable String statusMessage, List<ResourceChange> changes) {

        public Plan {
            changes = List.copyOf(changes);
        }

        public boolean computing() {
            return "CREATE_IN_PROGRESS".equals(status);
        }

        /** Computed and never executed: it can run as shown. */
        public boolean ready() {
            return "CREATE_SUCCESS".equals(status);
        }
    }
}
