package io.vendo.environment;

import io.vendo.request.RequestEvent.RequestSucceeded;
import io.vendo.request.Requests;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The hook between UPDATE and drift: an UPDATE that succeeded on a STACK environment is followed by a drift check,
 * which makes a DRIFTED environment ACTIVE again when the update reconciled its resources (and says what still
 * differs when it did not).
 */
@Component
class DriftAfterUpdate {

    private final Requests requests;
    private final DriftChecks driftChecks;

    DriftAfterUpdate(Requests requests, DriftChecks driftChecks) {
        this.requests = requests;
        this.driftChecks = driftChecks;
    }

    /**
     * Only an UPDATE. The condition is evaluated before the event publication registry stores anything, so the success
     * of every other request costs no publication (an insert, two bookkeeping transactions
     * and an empty one of the listener's own).
     */
    @ApplicationModuleListener(condition = "#succeeded.kind() == T(io.vendo.request.RequestKind).UPDATE")
    void on(RequestSucceeded succeeded) {
        var environment = requests.require(succeeded.requestId()).environmentId();
        if (environment != null) {
            driftChecks.requestBySystem(environment, DriftCheckTrigger.AFTER_UPDATE);
        }
    }
}
