package io.vendo.execution.product;

import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Delivery;
import io.vendo.execution.ExecutionPhase;
import io.vendo.execution.ExecutionRun;
import io.vendo.execution.Job;
import io.vendo.execution.KindExecutor;
import io.vendo.execution.StepOutcome;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * SERVICE_CATALOG_PRODUCT requests, and ACCOUNT requests through Control Tower's Account Factory (itself a Service
 * Catalog product): ProvisionProduct with a deterministic ProvisionToken and provisioned product name, then
 * DescribeRecord until it SUCCEEDED or FAILED; the record's outputs become the request's (for an account, its
 * AccountId). Before provisioning again after a possibly sent call, DescribeProvisionedProduct by name looks for it.
 */
@Component
class ServiceCatalogExecutor extends KindExecutor<ServiceCatalogExecutor.Provisioning> {

    static final String PROVISION_PRODUCT = "ProvisionProduct";

    private final ProductProvisioner provisioner;

    ServiceCatalogExecutor(ProductProvisioner provisioner) {
        super("Service Catalog");
        this.provisioner = provisioner;
        phase(ExecutionPhase.PROVISION_PRODUCT, this::provision);
        phase(ExecutionPhase.AWAIT_RECORD, this::awaitRecord);
    }

    /**
     * One request's provisioning.
     *
     * @param account whether the product is Account Factory: the record then must name the new account, and it is
     *     polled at an account's pace
     */
    record Provisioning(ProductSpec spec, boolean account) {}

    @Override
    protected boolean handles(BlueprintVersionDetails blueprint) {
        return blueprint.delivery() instanceof Delivery.ServiceCatalogProduct
                || blueprint.delivery() instanceof Delivery.AccountFactory;
    }

    @Override
    protected String firstOperation(Provisioning provisioning) {
        return PROVISION_PRODUCT + " " + provisioning.spec().provisionedProductName();
    }

    @Override
    protected String plan(Provisioning provisioning) {
        return provisioner.plan(
                provisioning.spec(),
                provisioning.account()
                        ? "the new account's id is the record's AccountId output"
                        : "its outputs become the request's");
    }

    private StepOutcome provision(Provisioning provisioning, ExecutionRun run) {
        var spec = provisioning.spec();
        var record = run.aboutToCall(PROVISION_PRODUCT)
                ? provisioner.findProvisioned(spec).orElseGet(() -> provisioner.provision(spec))
                : provisioner.provision(spec);
        run.remember("RecordId", record.recordId());
        run.remember("ProvisionedProductId", record.provisionedProductId());
        run.record(
                "execution.product-provisioning",
                Map.of("provisionedProduct", spec.provisionedProductName(), "record", record.recordId()));
        run.moveTo(ExecutionPhase.AWAIT_RECORD);
        return new StepOutcome.Continue(provisioning.account() ? run.firstAccountPoll() : run.firstPoll());
    }

    private StepOutcome awaitRecord(Provisioning provisioning, ExecutionRun run) {
        var recordId = run.requireAwsId("RecordId");
        var record = provisioner.describeRecord(provisioning.spec(), recordId);
        run.polled("Record " + record.status(), Map.of());
        if (record.failed()) {
            return new StepOutcome.Failed("Provisioning record %s FAILED: %s"
                    .formatted(
                            recordId,
                            record.errors().isEmpty() ? "no reason given" : String.join("; ", record.errors())));
        }
        if (!record.succeeded()) {
            return new StepOutcome.Continue(nextPoll(provisioning, run));
        }
        if (provisioning.account()) {
            var accountId = record.outputs().get("AccountId");
            if (accountId == null || accountId.isBlank()) {
                return new StepOutcome.Failed(
                        "Account Factory record %s SUCCEEDED without an AccountId output".formatted(recordId));
            }
            run.remember("AccountId", accountId);
            run.record("execution.account-created", Map.of("accountId", accountId));
        }
        return new StepOutcome.Succeeded(record.outputs());
    }

    private static Duration nextPoll(Provisioning provisioning, ExecutionRun run) {
        return provisioning.account() ? run.nextAccountPoll() : run.nextPoll();
    }

    @Override
    protected Provisioning specFor(Job job) {
        return switch (job.blueprint().delivery()) {
            case Delivery.ServiceCatalogProduct product ->
                new Provisioning(
                        new ProductSpec(
                                job.requestId(),
                                product.productId(),
                                product.provisioningArtifactId(),
                                product.pathId(),
                                job.resourceName(128),
                                job.token("provision-product"),
                                job.parameters(),
                                job.tags(),
                                job.target()),
                        false);
            case Delivery.AccountFactory factory ->
                new Provisioning(
                        new ProductSpec(
                                job.requestId(),
                                factory.productId(),
                                factory.provisioningArtifactId(),
                                null,
                                job.resourceName(128),
                                job.token("provision-product"),
                                job.parameters(),
                                job.tags(),
                                job.target()),
                        true);
            default ->
                throw new IllegalStateException(
                        "Not a Service Catalog delivery: " + job.blueprint().delivery());
        };
    }
}
