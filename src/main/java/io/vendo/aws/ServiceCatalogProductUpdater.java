package io.vendo.aws;

import static io.vendo.aws.AwsCalls.call;

import io.vendo.execution.product.ProductProvisioner.RecordStatus;
import io.vendo.execution.product.ProductUpdateSpec;
import io.vendo.execution.product.ProductUpdater;
import java.util.Map;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.servicecatalog.model.UpdateProvisionedProductRequest;
import software.amazon.awssdk.services.servicecatalog.model.UpdateProvisioningParameter;

/**
 * {@link ProductUpdater} on Service Catalog: UpdateProvisionedProduct with the spec's UpdateToken and provisioning
 * artifact, DescribeRecord.
 */
@Component
class ServiceCatalogProductUpdater implements ProductUpdater {

    private final AwsConnection aws;

    ServiceCatalogProductUpdater(AwsConnection aws) {
        this.aws = aws;
    }

    @Override
    public String plan(ProductUpdateSpec spec) {
        var update = updateRequest(spec, spec.parameters().shown());
        var plan = new AwsPlan(spec.target());
        plan.call("Service Catalog", "UpdateProvisionedProduct")
                .field("ProvisionedProductId", update.provisionedProductId())
                .field("ProductId", update.productId())
                .field("ProvisioningArtifactId", update.provisioningArtifactId());
        if (update.pathId() != null) {
            plan.field("PathId", update.pathId());
        }
        plan.field("UpdateToken", update.updateToken());
        update.provisioningParameters()
                .forEach(parameter -> plan.field("Parameter " + parameter.key(), parameter.value()));
        plan.call("Service Catalog", "DescribeRecord")
                .note("until SUCCEEDED or FAILED; its outputs become the environment's");
        return plan.render();
    }

    @Override
    public String update(ProductUpdateSpec spec) {
        return call("UpdateProvisionedProduct", () -> aws.serviceCatalogWrites(spec.target())
                .updateProvisionedProduct(updateRequest(spec, spec.parameters().forAws()))
                .recordDetail()
                .recordId());
    }

    @Override
    public RecordStatus describeRecord(ProductUpdateSpec spec, String recordId) {
        return ServiceCatalogRecords.describe(aws.serviceCatalog(spec.target()), recordId);
    }

    /** @param values the parameters' values: plain for the call, masked for the plan */
    private static UpdateProvisionedProductRequest updateRequest(ProductUpdateSpec spec, Map<String, String> values) {
        return UpdateProvisionedProductRequest.builder()
                .provisionedProductId(spec.provisionedProductId())
                .productId(spec.productId())
                .provisioningArtifactId(spec.provisioningArtifactId())
                .pathId(spec.pathId())
                .updateToken(spec.updateToken())
                .provisioningParameters(values.entrySet().stream()
                        .map(entry -> UpdateProvisioningParameter.builder()
                                .key(entry.getKey())
                                .value(entry.getValue())
                                .build())
                        .toList())
                .build();
    }
}
