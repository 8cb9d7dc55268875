package io.vendo.execution.product;

import io.vendo.execution.product.ProductProvisioner.RecordStatus;

/** Terminates the provisioned products of decommissioned environments. Implemented by the {@code aws} module. */
public interface ProductTerminator {

    /** The calls terminating makes, rendered for people (dry run). */
    String plan(ProductTerminationSpec spec);

    /**
     * Starts terminating the provisioned product; the same TerminateToken again is the same termination.
     *
     * @return the termination record's id
     */
    String terminate(ProductTerminationSpec spec);

    RecordStatus describeRecord(ProductTerminationSpec spec, String recordId);
}
