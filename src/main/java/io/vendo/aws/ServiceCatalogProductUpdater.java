package io.vendo.aws;

import static io.vendo.aws.AwsCalls.call;

import io.vendo.execution.product.ProductProvisioner.RecordStatus;
import io.vendo.execution.product.ProductUpdateSpec;
import io.vendo.execution.product.ProductUpdater;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.servicecatalog.model.CreateProvisionedProductPlanRequest;
import software.amazon.awssdk.services.servicecatalog.model.ProvisionedProductPlanType;
import software.amazon.awssdk.services.servicecatalog.model.ResourceNotFoundException;
import software.amazon.awssdk.services.servicecatalog.model.UpdateProvisioningParameter;

/**
 * {@link ProductUpdater} on Service Catalog: DescribeProvisionedProduct, CreateProvisionedProductPlan (type
 * CLOUDFORMATION) with the spec's IdempotencyToken and provisioning artifact, DescribeProvisionedProductPlan (every
 * page of resource changes), ExecuteProvisionedProductPlan, DeleteProvisionedProductPlan, DescribeRecord.
 */
@Component
class ServiceCatalogProductUpdater implements ProductUpdater {

    private final AwsConnection aws;

    ServiceCatalogProductUpdater(AwsConnection aws) {
        this.aws = aws;
    }

    @Override
    public String plan(ProductUpdateSpec spec) {
        var create = planRequest(
                spec, "(the provisioned product's name)", spec.parameters().shown());
        var plan = new AwsPlan(spec.target());
        plan.call("Service Catalog", "DescribeProvisionedProduct")
                .field("Id", spec.provisionedProductId())
                .note("its name, and its last provisioning record");
        plan.call("Service Catalog", "CreateProvisionedProductPlan")
                .field("PlanName", create.planName())
                .field("PlanType", create.planTypeAsString())
                .field("ProductId", create.productId())
                .field("ProvisioningArtifactId", create.provisioningArtifactId());
        if (create.pathId() != null) {
            plan.field("PathId", create.pathId());
        }
        plan.field("IdempotencyToken", create.idempotencyToken());
        create.provisioningParameters()
                .forEach(parameter -> plan.field("Parameter " + parameter.key(), parameter.value()));
        plan.call("Service Catalog", "DescribeProvisionedProductPlan")
                .note("until CREATE_SUCCESS; its resource changes are shown to approvers");
        plan.call("Service Catalog", "ExecuteProvisionedProductPlan")
                .field("IdempotencyToken", spec.executeToken())
                .note("once approved, if the plan still shows what would change");
        plan.call("Service Catalog", "DescribeRecord")
                .note("until SUCCEEDED or FAILED; its outputs become the environment's");
        return plan.render();
    }

    @Override
    public ProvisionedProduct describeProvisionedProduct(ProductUpdateSpec spec) {
        return call("DescribeProvisionedProduct", () -> {
            var product = aws.serviceCatalog(spec.target())
                    .describeProvisionedProduct(describe -> describe.id(spec.provisionedProductId()))
                    .provisionedProductDetail();
            return new ProvisionedProduct(
                    product.name(), product.statusAsString(), ServiceCatalogRecords.lastChange(product));
        });
    }

    @Override
    public String createPlan(ProductUpdateSpec spec, String provisionedProductName) {
        return call("CreateProvisionedProductPlan", () -> aws.serviceCatalogWrites(spec.target())
                .createProvisionedProductPlan(planRequest(
                        spec, provisionedProductName, spec.parameters().forAws()))
                .planId());
    }

    @Override
    public Optional<Plan> describePlan(ProductUpdateSpec spec, String planId) {
        return call("DescribeProvisionedProductPlan", () -> {
            var client = aws.serviceCatalog(spec.target());
            try {
                var page = client.describeProvisionedProductPlan(describe -> describe.planId(planId));
                var details = page.provisionedProductPlanDetails();
                var changes = new ArrayList<io.vendo.execution.stack.ResourceChange>();
                while (true) {
                    page.resourceChanges().forEach(change -> changes.add(ServiceCatalogPlanChanges.of(change)));
                    var next = page.nextPageToken();
                    if (next == null || next.isEmpty()) {
                        break;
                    }
                    page = client.describeProvisionedProductPlan(
                            describe -> describe.planId(planId).pageToken(next));
                }
                return Optional.of(new Plan(planId, details.statusAsString(), details.statusMessage(), changes));
            } catch (ResourceNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public String executePlan(ProductUpdateSpec spec, String planId) {
        return call("ExecuteProvisionedProductPlan", () -> aws.serviceCatalogWrites(spec.target())
                .executeProvisionedProductPlan(execute -> execute.planId(planId).idempotencyToken(spec.executeToken()))
                .recordDetail()
                .recordId());
    }

    @Override
    public void deletePlan(ProductUpdateSpec spec, String planId) {
        call("DeleteProvisionedProductPlan", () -> {
            try {
                return aws.serviceCatalogWrites(spec.target())
                        .deleteProvisionedProductPlan(delete -> delete.planId(planId));
            } catch (ResourceNotFoundException e) {
                // Gone already (a step that may have deleted it runs again): what was asked is done.
                return null;
            }
        });
    }

    @Override
    public RecordStatus describeRecord(ProductUpdateSpec spec, String recordId) {
        return ServiceCatalogRecords.describe(aws.serviceCatalog(spec.target()), recordId);
    }

    /** @param values the parameters' values: plain for the call, masked for the plan */
    private static CreateProvisionedProductPlanRequest planRequest(
            ProductUpdateSpec spec, String provisionedProductName, Map<String, String> values) {
        return CreateProvisionedProductPlanRequest.builder()
                .planName(spec.planName())
                .planType(ProvisionedProductPlanType.CLOUDFORMATION)
                .productId(spec.productId())
                .provisionedProductName(provisionedProductName)
                .provisioningArtifactId(spec.provisioningArtifactId())
                .pathId(spec.pathId())
                .idempotencyToken(spec.planToken())
                .provisioningParameters(values.entrySet().stream()
                        .map(entry -> UpdateProvisioningParameter.builder()
                                .key(entry.getKey())
                                .value(entry.getValue())
                                .build())
                        .toList())
                .build();
    }
}
