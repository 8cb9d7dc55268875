package io.vendo.approval;

import io.vendo.refusal.Refusal;

/**
 * A decision the caller may not make: their own request, not an approver, already decided by them, a request no
 * longer waiting, or a one-time link that is unknown, used, expired or addressed to someone else.
 */
class DecisionRefusedException extends Refusal {

    DecisionRefusedException(Kind kind, String detail) {
        super(kind, "Decision refused", detail);
    }
}
