package io.vendo.execution;

import io.vendo.catalog.Delivery;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * SERVICE_CATALOG_PRODUCT requests, and ACCOUNT requests through Control Tower's Account Factory (itself a Service
 * Catalog product): ProvisionProduct with a deterministic ProvisionToken and provisioned product name, then
 * DescribeRecord until it SUCCEEDED or FAILED; the record's outputs become the request's (for an account, its
 * AccountId). Before provisioning again after a possibly sent call, DescribeProvisionedProduct by name looks for it.
 */
@Component
class ServiceCatalogExecutor implements KindExecutor {

    static final String PROVISION_PRODUCT = "ProvisionProduct";

    private final ProductProvisioner provisioner;

    ServiceCatalogExecutor(ProductProvisioner provisioner) {
        this.provisioner = provisioner;
    }

    @Override
    public boolean handles(Job job) {
        return job.blueprint().delivery() instanceof Delivery.ServiceCatalogProduct
                || job.blueprint().delivery() instanceof Delivery.AccountFactory;
    }

    @Override
    public ExecutionPhase firstPhase(Job job) {
        return ExecutionPhase.PROVISION_PRODUCT;
    }

    @Override
    public String firstOperation(Job job) {
        return PROVISION_PRODUCT + " " + specFor(job).provisionedProductName();
    }

    @Override
    public String plan(Job job) {
        return provisioner.plan(
                specFor(job),
                isAccount(job)
                        ? "the new account's id is the record's AccountId output"
                        : "its outputs become the request's");
    }

    @Override
    public StepOutcome step(Job job, ExecutionRun run) {
        var spec = specFor(job);
        return switch (run.phase()) {
            case PROVISION_PRODUCT -> {
                var record = run.aboutToCall(PROVISION_PRODUCT)
                        ? provisioner.findProvisioned(spec).orElseGet(() -> provisioner.provision(spec))
                        : provisioner.provision(spec);
                run.remember("RecordId", record.recordId());
                run.remember("ProvisionedProductId", record.provisionedProductId());
                run.record(
                        "execution.product-provisioning",
                        Map.of("provisionedProduct", spec.provisionedProductName(), "record", record.recordId()));
                run.moveTo(ExecutionPhase.AWAIT_RECORD);
                yield new StepOutcome.Continue(isAccount(job) ? run.firstAccountPoll() : run.firstPoll());
            }
            case AWAIT_RECORD -> awaitRecord(job, spec, run);
            default -> throw new IllegalStateException("Service Catalog execution in phase " + run.phase());
        };
    }

    private StepOutcome awaitRecord(Job job, ProductSpec spec, ExecutionRun run) {
        var recordId = run.requireAwsId("RecordId");
        var record = provisioner.describeRecord(spec, recordId);
        run.polled("Record " + record.status(), Map.of());
        if (record.failed()) {
            return new StepOutcome.Failed("Provisioning record %s FAILED: %s"
                    .formatted(
                            recordId,
                            record.errors().isEmpty() ? "no reason given" : String.join("; ", record.errors())));
        }
        if (!record.succeeded()) {
            return new StepOutcome.Continue(isAccount(job) ? run.nextAccountPoll() : run.nextPoll());
        }
        if (isAccount(job)) {
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

    private static boolean isAccount(Job job) {
        return job.blueprint().delivery() instanceof Delivery.AccountFactory;
    }

    static ProductSpec specFor(Job job) {
        return switch (job.blueprint().delivery()) {
            case Delivery.ServiceCatalogProduct product ->
                new ProductSpec(
                        job.requestId(),
                        product.productId(),
                        product.provisioningArtifactId(),
                        product.pathId(),
                        job.resourceName(128),
                        job.token("provision-product"),
                        job.parameters(),
                        job.tags(),
                        job.target());
            case Delivery.AccountFactory factory ->
                new ProductSpec(
                        job.requestId(),
                        factory.productId(),
                        factory.provisioningArtifactId(),
                        null,
                        job.resourceName(128),
                        job.token("provision-product"),
                        job.parameters(),
                        job.tags(),
                        job.target());
            default ->
                throw new IllegalStateException(
                        "Not a Service Catalog delivery: " + job.blueprint().delivery());
        };
    }
}
