package io.vendo.execution.product;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Delivery;
import io.vendo.execution.ExecutionPhase;
import io.vendo.execution.ExecutionRun;
import io.vendo.execution.Job;
import io.vendo.execution.KindExecutor;
import io.vendo.execution.StepOutcome;
import io.vendo.execution.product.ProductUpdater.Plan;
import io.vendo.execution.stack.ResourceChange;
import io.vendo.request.ChangePreview;
import io.vendo.request.RequestKind;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * UPDATE of SERVICE_CATALOG_PRODUCT environments through a provisioned product plan, the way a stack's update runs
 * through a change set: CreateProvisionedProductPlan (type CLOUDFORMATION, the version's provisioning artifact, the
 * values, an IdempotencyToken derived from the request and the round) while the request waits for approval, then
 * DescribeProvisionedProductPlan until it is computed; its resource changes are the preview approvers are shown, and
 * they are invited once it is stored. Once approved, that plan and no other is executed (ExecuteProvisionedProductPlan
 * with the request's token) and its record awaited; the record's outputs become the environment's.
 *
 * <p>What is approved is what runs: after approval the plan is checked first. Service Catalog has no "obsolete" for a
 * plan, so it is stale when it is gone, when it is no longer computed-and-unexecuted (CREATE_SUCCESS), or when the
 * provisioned product was changed by another request since the plan was computed (its last provisioning record is no
 * longer the one seen then). A stale plan is never executed: it is deleted (a provisioned product has one plan at a
 * time), a new one is computed in the next round, and the request goes back to its approvers with it.
 */
@Component
class ProductUpdateExecutor extends KindExecutor<ProductUpdateSpec> {

    static final String CREATE = "CreateProvisionedProductPlan";
    static final String EXECUTE = "ExecuteProvisionedProductPlan";
    static final String DELETE = "DeleteProvisionedProductPlan";

    /** The round of the current plan, why the one before went stale, and the product's last change when planned. */
    static final String ROUND = "PlanRound";

    static final String STALE = "PlanStaleReason";
    static final String PLANNED_ON = "PlannedOnRecord";

    private final ProductUpdater updater;

    ProductUpdateExecutor(ProductUpdater updater) {
        super("SERVICE_CATALOG_PRODUCT update");
        this.updater = updater;
        phase(ExecutionPhase.CREATE_PRODUCT_PLAN, (spec, run) -> createPlan(current(spec, run), run));
        phase(ExecutionPhase.AWAIT_PRODUCT_PLAN, (spec, run) -> awaitPlan(current(spec, run), run));
        phase(ExecutionPhase.AWAIT_APPROVAL, (spec, run) -> checkApproved(current(spec, run), run));
        phase(ExecutionPhase.EXECUTE_PRODUCT_PLAN, (spec, run) -> execute(current(spec, run), run));
        phase(ExecutionPhase.AWAIT_PRODUCT_UPDATE, this::awaitRecord);
    }

    @Override
    protected boolean handles(BlueprintVersionDetails blueprint) {
        return blueprint.kind() == BlueprintKind.SERVICE_CATALOG_PRODUCT;
    }

    @Override
    protected RequestKind requestKind() {
        return RequestKind.UPDATE;
    }

    @Override
    protected boolean previews() {
        return true;
    }

    /** Computing and checking the plan change nothing; executing it does. */
    @Override
    protected boolean startsIn(ExecutionPhase phase) {
        return phase == ExecutionPhase.EXECUTE_PRODUCT_PLAN || phase == ExecutionPhase.AWAIT_PRODUCT_UPDATE;
    }

    @Override
    protected String firstOperation(ProductUpdateSpec spec) {
        return EXECUTE + " " + spec.planName();
    }

    @Override
    protected String plan(ProductUpdateSpec spec) {
        return updater.plan(spec);
    }

    private StepOutcome createPlan(ProductUpdateSpec spec, ExecutionRun run) {
        var product = updater.describeProvisionedProduct(spec);
        run.remember(PLANNED_ON, String.valueOf(product.lastChange()));
        // Sent again after a crash, the same IdempotencyToken is the same plan.
        run.aboutToCall(CREATE);
        run.remember("PlanId", updater.createPlan(spec, product.name()));
        run.record(
                "execution.product-plan-created",
                Map.of(
                        "plan",
                        spec.planName(),
                        "provisionedProduct",
                        product.name(),
                        "provisioningArtifact",
                        spec.provisioningArtifactId()));
        run.moveTo(ExecutionPhase.AWAIT_PRODUCT_PLAN);
        return new StepOutcome.Continue(run.firstChangeSetPoll());
    }

    private StepOutcome awaitPlan(ProductUpdateSpec spec, ExecutionRun run) {
        var planId = run.requireAwsId("PlanId");
        var found = updater.describePlan(spec, planId);
        if (found.isEmpty()) {
            return new StepOutcome.Failed("Plan %s (%s) no longer exists".formatted(spec.planName(), planId));
        }
        var plan = found.get();
        run.polled("Plan " + plan.status(), Map.of());
        if (plan.computing()) {
            return new StepOutcome.Continue(run.nextPoll());
        }
        if (!plan.ready()) {
            return new StepOutcome.Failed(
                    "Plan %s %s: %s".formatted(spec.planName(), plan.status(), String.valueOf(plan.statusMessage())));
        }
        run.resourceChanges(plan.changes());
        var round = round(run);
        run.previewed(new ChangePreview(
                spec.planName(),
                round,
                plan.changes().stream().map(ResourceChange::toPreview).toList(),
                round > 1
                        ? "Recreated: the plan approved before went stale (%s). Decide again on this one."
                                .formatted(run.awsId(STALE).orElse("it can no longer be executed"))
                        : null,
                run.now()));
        if (!run.approved()) {
            run.moveTo(ExecutionPhase.AWAIT_APPROVAL);
            return new StepOutcome.AwaitApproval();
        }
        // Approved by its policy already: nobody waits for the preview.
        run.moveTo(ExecutionPhase.EXECUTE_PRODUCT_PLAN);
        return StepOutcome.now();
    }

    /** Approved: the plan shown is executed only if it still shows what would change; otherwise a new one is asked. */
    private StepOutcome checkApproved(ProductUpdateSpec spec, ExecutionRun run) {
        if (!run.approved()) {
            return new StepOutcome.AwaitApproval();
        }
        var planId = run.requireAwsId("PlanId");
        var plan = updater.describePlan(spec, planId);
        var product = updater.describeProvisionedProduct(spec);
        var plannedOn = run.awsId(PLANNED_ON).orElse("null");
        var reason = plan.map(Plan::ready).orElse(false)
                ? plannedOn.equals(String.valueOf(product.lastChange()))
                        ? null
                        : "provisioned product %s was changed by record %s since plan %s was computed"
                                .formatted(product.name(), product.lastChange(), spec.planName())
                : plan.map(found -> "plan %s is %s, no longer executable".formatted(spec.planName(), found.status()))
                        .orElse("plan %s no longer exists".formatted(spec.planName()));
        if (reason == null) {
            run.moveTo(ExecutionPhase.EXECUTE_PRODUCT_PLAN);
            return StepOutcome.now();
        }
        if (plan.isPresent()) {
            // A provisioned product has one plan at a time: the stale one goes before the next is created.
            run.aboutToCall(DELETE);
            updater.deletePlan(spec, planId);
        }
        run.record("execution.product-plan-stale", Map.of("plan", spec.planName(), "reason", reason));
        run.remember(ROUND, String.valueOf(round(run) + 1));
        run.remember(STALE, reason);
        run.moveTo(ExecutionPhase.CREATE_PRODUCT_PLAN);
        run.wentStale("What was approved can no longer be executed as shown: " + reason
                + ". A new plan is computed, and the request waits for approval again.");
        return new StepOutcome.AwaitApproval();
    }

    private StepOutcome execute(ProductUpdateSpec spec, ExecutionRun run) {
        // Sent again after a crash, the same IdempotencyToken is the same execution.
        run.aboutToCall(EXECUTE);
        var recordId = updater.executePlan(spec, run.requireAwsId("PlanId"));
        run.remember("UpdateRecordId", recordId);
        run.record(
                "execution.product-plan-executed",
                Map.of("plan", spec.planName(), "provisionedProduct", spec.provisionedProductId(), "record", recordId));
        run.moveTo(ExecutionPhase.AWAIT_PRODUCT_UPDATE);
        return new StepOutcome.Continue(run.firstPoll());
    }

    private StepOutcome awaitRecord(ProductUpdateSpec spec, ExecutionRun run) {
        var record = updater.describeRecord(spec, run.requireAwsId("UpdateRecordId"));
        run.polled(record.status(), Map.of());
        if (record.succeeded()) {
            return new StepOutcome.Succeeded(record.outputs());
        }
        if (record.failed()) {
            return new StepOutcome.Failed(
                    "%s %s FAILED: %s".formatted(EXECUTE, spec.planName(), String.join("; ", record.errors())));
        }
        return new StepOutcome.Continue(run.nextPoll());
    }

    private static int round(ExecutionRun run) {
        return run.awsId(ROUND).map(Integer::parseInt).orElse(1);
    }

    private static ProductUpdateSpec current(ProductUpdateSpec spec, ExecutionRun run) {
        return spec.inRound(round(run));
    }

    @Override
    protected ProductUpdateSpec specFor(Job job) {
        var product = job.handles().get("ProvisionedProductId");
        if (product == null) {
            throw new IllegalStateException(
                    "Request %s: its environment has no ProvisionedProductId".formatted(job.requestId()));
        }
        var delivery = (Delivery.ServiceCatalogProduct) job.blueprint().delivery();
        return new ProductUpdateSpec(
                job.requestId(),
                product,
                delivery.productId(),
                delivery.provisioningArtifactId(),
                delivery.pathId(),
                "vendo-" + job.requestId(),
                job.token("create-plan"),
                job.token("execute-plan"),
                job.parameters(),
                job.target());
    }
}
