package io.vendo.execution.product;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Delivery;
import io.vendo.execution.ExecutionPhase;
import io.vendo.execution.ExecutionRun;
import io.vendo.execution.Job;
import io.vendo.execution.KindExecutor;
import io.vendo.execution.StepOutcome;
import io.vendo.request.RequestKind;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * UPDATE of SERVICE_CATALOG_PRODUCT environments: UpdateProvisionedProduct with the request's UpdateToken and the
 * provisioning artifact of the version it pins (sent again after a crash, the same token is the same update), then
 * DescribeRecord until it ends; the record's outputs become the environment's. Approvers see the new values and
 * version; Service Catalog computes no change set Vendo could show before the update.
 */
@Component
class ProductUpdateExecutor extends KindExecutor<ProductUpdateSpec> {

    static final String UPDATE = "UpdateProvisionedProduct";

    private final ProductUpdater updater;

    ProductUpdateExecutor(ProductUpdater updater) {
        super("SERVICE_CATALOG_PRODUCT update");
        this.updater = updater;
        phase(ExecutionPhase.UPDATE_PRODUCT, this::update);
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
    protected String firstOperation(ProductUpdateSpec spec) {
        return UPDATE + " " + spec.provisionedProductId();
    }

    @Override
    protected String plan(ProductUpdateSpec spec) {
        return updater.plan(spec);
    }

    private StepOutcome update(ProductUpdateSpec spec, ExecutionRun run) {
        run.aboutToCall(UPDATE);
        var recordId = updater.update(spec);
        run.remember("UpdateRecordId", recordId);
        run.record(
                "execution.product-update",
                Map.of(
                        "provisionedProduct",
                        spec.provisionedProductId(),
                        "provisioningArtifact",
                        spec.provisioningArtifactId()));
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
            return new StepOutcome.Failed("%s %s FAILED: %s"
                    .formatted(UPDATE, spec.provisionedProductId(), String.join("; ", record.errors())));
        }
        return new StepOutcome.Continue(run.nextPoll());
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
                job.token("update-product"),
                job.parameters(),
                job.target());
    }
}
