package io.vendo.execution.product;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.execution.ExecutionPhase;
import io.vendo.execution.ExecutionRun;
import io.vendo.execution.Job;
import io.vendo.execution.KindExecutor;
import io.vendo.execution.StepOutcome;
import io.vendo.request.RequestKind;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * DECOMMISSION of SERVICE_CATALOG_PRODUCT environments: TerminateProvisionedProduct with the request's TerminateToken
 * (sent again after a crash, the same token is the same termination), then DescribeRecord until it ends.
 */
@Component
class ProductTerminationExecutor extends KindExecutor<ProductTerminationSpec> {

    static final String TERMINATE = "TerminateProvisionedProduct";

    private final ProductTerminator terminator;

    ProductTerminationExecutor(ProductTerminator terminator) {
        super("SERVICE_CATALOG_PRODUCT termination");
        this.terminator = terminator;
        phase(ExecutionPhase.TERMINATE_PRODUCT, this::terminate);
        phase(ExecutionPhase.AWAIT_TERMINATION, this::awaitRecord);
    }

    @Override
    protected boolean handles(BlueprintVersionDetails blueprint) {
        return blueprint.kind() == BlueprintKind.SERVICE_CATALOG_PRODUCT;
    }

    @Override
    protected RequestKind requestKind() {
        return RequestKind.DECOMMISSION;
    }

    @Override
    protected String firstOperation(ProductTerminationSpec spec) {
        return TERMINATE + " " + spec.provisionedProductId();
    }

    @Override
    protected String plan(ProductTerminationSpec spec) {
        return terminator.plan(spec);
    }

    private StepOutcome terminate(ProductTerminationSpec spec, ExecutionRun run) {
        run.aboutToCall(TERMINATE);
        var recordId = terminator.terminate(spec);
        run.remember("TerminationRecordId", recordId);
        run.record("execution.product-termination", Map.of("provisionedProduct", spec.provisionedProductId()));
        run.moveTo(ExecutionPhase.AWAIT_TERMINATION);
        return new StepOutcome.Continue(run.firstPoll());
    }

    private StepOutcome awaitRecord(ProductTerminationSpec spec, ExecutionRun run) {
        var record = terminator.describeRecord(spec, run.requireAwsId("TerminationRecordId"));
        run.polled(record.status(), Map.of());
        if (record.succeeded()) {
            return new StepOutcome.Succeeded(Map.of());
        }
        if (record.failed()) {
            return new StepOutcome.Failed("%s %s FAILED: %s"
                    .formatted(TERMINATE, spec.provisionedProductId(), String.join("; ", record.errors())));
        }
        return new StepOutcome.Continue(run.nextPoll());
    }

    @Override
    protected ProductTerminationSpec specFor(Job job) {
        var product = job.handles().get("ProvisionedProductId");
        if (product == null) {
            throw new IllegalStateException(
                    "Request %s: its environment has no ProvisionedProductId".formatted(job.requestId()));
        }
        return new ProductTerminationSpec(job.requestId(), product, job.token("terminate-product"), job.target());
    }
}
