package io.vendo.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * The result of recomputing the audit log's hash chain.
 *
 * @param rowsChecked how many rows were read
 * @param firstBrokenRow the id of the first row whose content or link does not match its hash; null when intact
 */
@NamedInterface("records")
public record ChainVerification(long rowsChecked, @Nullable Long firstBrokenRow) {

    public boolean intact() {
        return firstBrokenRow == null;
    }
}
