package io.vendo.request;

import io.vendo.refusal.Refusal;
import java.util.Map;
import java.util.UUID;

/** An UPDATE request that would change nothing: the same blueprint version and the same parameter values. */
class NothingToUpdateException extends Refusal {

    NothingToUpdateException(UUID environment, int version) {
        super(
                Kind.INVALID,
                "Nothing to change",
                ("Environment %s already runs version %d with these parameter values: change a value or choose a newer"
                                + " version")
                        .formatted(environment, version),
                Map.of("version", version));
    }
}
