package io.vendo.aws;

import static io.vendo.aws.AwsCalls.call;

import io.vendo.execution.product.ProductProvisioner;
import io.vendo.execution.product.ProductSpec;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.services.servicecatalog.model.ProvisionProductRequest;
import software.amazon.awssdk.services.servicecatalog.model.ResourceNotFoundException;

/**
 * {@link ProductProvisioner} on Service Catalog: ProvisionProduct with the spec's ProvisionToken,
 * DescribeProvisionedProduct by name to look up, DescribeRecord (all pages of outputs).
 */
@Component
class ServiceCatalogProductProvisioner implements ProductProvisioner {

    private final AwsConnection aws;

    ServiceCatalogProductProvisioner(AwsConnection aws) {
        this.aws = aws;
    }

    @Override
    public String plan(ProductSpec spec, String outcome) {
        var provision = provisionRequest(spec, spec.parameters().shown());
        var plan = new AwsPlan(spec.target());
        plan.call("Service Catalog", "ProvisionProduct")
                .field("ProductId", provision.productId())
                .field("ProvisioningArtifactId", provision.provisioningArtifactId());
        if (provision.pathId() != null) {
            plan.field("PathId", provision.pathId());
        }
        plan.field("ProvisionedProductName", provision.provisionedProductName())
                .field("ProvisionToken", provision.provisionToken());
        provision
                .provisioningParameters()
                .forEach(parameter -> plan.field("Parameter " + parameter.key(), parameter.value()));
        provision.tags().forEach(tag -> plan.field("Tag " + tag.key(), tag.value()));
        plan.call("Service Catalog", "DescribeRecord").note("until SUCCEEDED or FAILED; " + outcome);
        return plan.render();
    }

    @Override
    public Optional<ProvisioningRecord> findProvisioned(ProductSpec spec) {
        return call("DescribeProvisionedProduct", () -> {
            try {
                var product = aws.serviceCatalog(spec.target())
                        .describeProvisionedProduct(describe -> describe.name(spec.provisionedProductName()))
                        .provisionedProductDetail();
                return Optional.of(new ProvisioningRecord(ServiceCatalogRecords.lastChange(product), product.id()));
            } catch (ResourceNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public ProvisioningRecord provision(ProductSpec spec) {
        return call("ProvisionProduct", () -> {
            var record = aws.serviceCatalogWrites(spec.target())
                    .provisionProduct(provisionRequest(spec, spec.parameters().forAws()))
                    .recordDetail();
            return new ProvisioningRecord(record.recordId(), record.provisionedProductId());
        });
    }

    @Override
    public RecordStatus describeRecord(ProductSpec spec, String recordId) {
        return ServiceCatalogRecords.describe(aws.serviceCatalog(spec.target()), recordId);
    }

    /** @param values the parameters' values: plain for the call, masked for the plan */
    private static ProvisionProductRequest provisionRequest(ProductSpec spec, Map<String, String> values) {
        return ProvisionProductRequest.builder()
                .productId(spec.productId())
                .provisioningArtifactId(spec.provisioningArtifactId())
                .pathId(spec.pathId())
                .provisionedProductName(spec.provisionedProductName())
                .provisionToken(spec.provisionToken())
                .provisioningParameters(AwsShapes.serviceCatalogParameters(values))
                .tags(AwsShapes.serviceCatalogTags(spec.tags()))
                .build();
    }
}
