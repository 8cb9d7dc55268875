package io.vendo.execution.product;

import io.vendo.execution.product.ProductProvisioner.RecordStatus;

/** Updates the provisioned products of environments. Implemented by the {@code aws} module. */
public interface ProductUpdater {

    /** The calls updating makes, rendered for people (dry run). */
    String plan(ProductUpdateSpec spec);

    /**
     * Starts updating the provisioned product; the same UpdateToken again is the same update.
     *
     * @return the update record's id
     */
    String update(ProductUpdateSpec spec);

    RecordStatus describeRecord(ProductUpdateSpec spec, String recordId);
}
