package io.vendo.aws;

import static io.vendo.aws.AwsCalls.call;

import io.vendo.execution.product.ProductProvisioner.RecordStatus;
import io.vendo.execution.product.ProductTerminationSpec;
import io.vendo.execution.product.ProductTerminator;
import org.springframework.stereotype.Component;

/** {@link ProductTerminator} on Service Catalog: TerminateProvisionedProduct with the spec's TerminateToken, DescribeRecord. */
@Component
class ServiceCatalogProductTerminator implements ProductTerminator {

    private final AwsConnection aws;

    ServiceCatalogProductTerminator(AwsConnection aws) {
        this.aws = aws;
    }

    @Override
    public String plan(ProductTerminationSpec spec) {
        var plan = new AwsPlan(spec.target());
        plan.call("Service Catalog", "TerminateProvisionedProduct")
                .field("ProvisionedProductId", spec.provisionedProductId())
                .field("TerminateToken", spec.terminateToken());
        plan.call("Service Catalog", "DescribeRecord").note("until SUCCEEDED or FAILED");
        return plan.render();
    }

    @Override
    public String terminate(ProductTerminationSpec spec) {
        return call("TerminateProvisionedProduct", () -> aws.serviceCatalogWrites(spec.target())
                .terminateProvisionedProduct(terminate -> terminate
                        .provisionedProductId(spec.provisionedProductId())
                        .terminateToken(spec.terminateToken()))
                .recordDetail()
                .recordId());
    }

    @Override
    public RecordStatus describeRecord(ProductTerminationSpec spec, String recordId) {
        return ServiceCatalogRecords.describe(aws.serviceCatalog(spec.target()), recordId);
    }
}
