package io.vendo.aws;

import static io.vendo.aws.AwsCalls.call;

import io.vendo.execution.product.ProductProvisioner.RecordStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import software.amazon.awssdk.services.servicecatalog.ServiceCatalogClient;
import software.amazon.awssdk.services.servicecatalog.model.ProvisionedProductDetail;

/** A Service Catalog record (provisioning, update, termination) as the executor reads it: DescribeRecord, every page. */
final class ServiceCatalogRecords {

    private ServiceCatalogRecords() {}

    /**
     * The record of the last request that changed the provisioned product (provisioning, update, plan execution,
     * termination), or of its last request of any kind where AWS names none.
     */
    static String lastChange(ProvisionedProductDetail product) {
        return product.lastProvisioningRecordId() != null ? product.lastProvisioningRecordId() : product.lastRecordId();
    }

    static RecordStatus describe(ServiceCatalogClient client, String recordId) {
        return call("DescribeRecord", () -> {
            var page = client.describeRecord(describe -> describe.id(recordId));
            var detail = page.recordDetail();
            var outputs = new LinkedHashMap<String, String>();
            while (true) {
                page.recordOutputs().forEach(output -> outputs.put(output.outputKey(), output.outputValue()));
                if (page.nextPageToken() == null || page.nextPageToken().isEmpty()) {
                    break;
                }
                var token = page.nextPageToken();
                page = client.describeRecord(describe -> describe.id(recordId).pageToken(token));
            }
            var errors = new ArrayList<String>();
            detail.recordErrors().forEach(error -> errors.add(error.code() + ": " + error.description()));
            return new RecordStatus(detail.statusAsString(), errors, outputs);
        });
    }
}
