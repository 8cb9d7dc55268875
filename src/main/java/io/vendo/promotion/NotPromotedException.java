package io.vendo.promotion;

import io.vendo.refusal.Refusal;
import java.util.UUID;

/** A request that is no step of a promotion. */
public class NotPromotedException extends Refusal {

    public NotPromotedException(UUID requestId) {
        super(Kind.NOT_FOUND, "Not promoted", "Request %s is no step of a promotion".formatted(requestId));
    }
}
