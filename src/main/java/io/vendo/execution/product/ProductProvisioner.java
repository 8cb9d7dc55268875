package io.vendo.execution.product;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Provisions Service Catalog products and reports on their records. Implemented by the {@code aws} module. */
public interface ProductProvisioner {

    /** The calls this provisioner makes for the spec, rendered for people (dry run). */
    String plan(ProductSpec spec, String accountNote);

    /** The provisioned product with the spec's name, if AWS has one (a re-submission must not provision another). */
    Optional<ProvisioningRecord> findProvisioned(ProductSpec spec);

    /** Starts provisioning. */
    ProvisioningRecord provision(ProductSpec spec);

    RecordStatus describeRecord(ProductSpec spec, String recordId);

    record ProvisioningRecord(String recordId, String provisionedProductId) {}

    /**
     * A provisioning record as AWS reported it.
     *
     * @param status {@code CREATED}, {@code IN_PROGRESS}, {@code IN_PROGRESS_IN_ERROR}, {@code SUCCEEDED} or {@code FAILED}
     * @param errors the record's errors, as {@code code: description}
     */
    record RecordStatus(String status, List<String> errors, Map<String, String> outputs) {

        public RecordStatus {
            errors = List.copyOf(errors);
            outputs = Map.copyOf(outputs);
        }

        public boolean succeeded() {
            return "SUCCEEDED".equals(status);
        }

        public boolean failed() {
            return "FAILED".equals(status);
        }
    }
}
