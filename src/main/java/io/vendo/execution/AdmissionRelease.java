package io.vendo.execution;

import io.vendo.request.RequestEvent.RequestCancelled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A request cancelled while it waited gives its place (or its not yet used slot) to the next one. */
@Component
class AdmissionRelease {

    private final Admission admission;

    AdmissionRelease(Admission admission) {
        this.admission = admission;
    }

    @ApplicationModuleListener
    void on(RequestCancelled cancelled) {
        admission.release(cancelled.requestId());
    }
}
