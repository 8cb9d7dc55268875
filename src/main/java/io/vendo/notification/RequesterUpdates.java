package io.vendo.notification;

import io.vendo.approval.ApprovalEvent.DecisionRecorded;
import io.vendo.approval.DecisionOutcome;
import io.vendo.audit.AuditableEvent;
import io.vendo.identity.Directory;
import io.vendo.request.RequestEvent;
import io.vendo.request.RequestState;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/** Tells requesters about every decision on their requests and every terminal state. */
@Component
class RequesterUpdates {

    private final Requests requests;
    private final Directory directory;
    private final MailComposer composer;
    private final MailTransport mail;
    private final PortalLinks links;

    RequesterUpdates(
            Requests requests, Directory directory, MailComposer composer, MailTransport mail, PortalLinks links) {
        this.requests = requests;
        this.directory = directory;
        this.composer = composer;
        this.mail = mail;
        this.links = links;
    }

    /**
     * A submission and a start tell the requester nothing new. The condition is evaluated before the event publication
     * registry stores anything, so these events cost no publication (an insert and two bookkeeping transactions each).
     */
    @ApplicationModuleListener(
            propagation = Propagation.NOT_SUPPORTED,
            condition = "!(#event instanceof T(io.vendo.request.RequestEvent$RequestSubmitted)"
                    + " or #event instanceof T(io.vendo.request.RequestEvent$RequestStarted))")
    void on(RequestEvent event) {
        // The rows of a fleet after its first are followed on the fleet's page: row 0 tells its requester for the
        // batch.
        if (requests.batchOf(event.requestId()).filter(row -> !row.leads()).isPresent()) {
            return;
        }
        tell(requests.require(event.requestId()), event);
    }

    /** An approval that does not complete the approval yet; the completing one and rejections come as request events. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(DecisionRecorded decision) {
        var request = requests.require(decision.requestId());
        if (decision.outcome() == DecisionOutcome.APPROVE && request.state() == RequestState.PENDING_APPROVAL) {
            tell(request, decision);
        }
    }

    private void tell(RequestView request, AuditableEvent event) {
        directory
                .person(request.requester())
                .ifPresent(requester -> mail.send(composer.compose(
                        requester.email(),
                        "Your request for %s on %s: %s"
                                .formatted(request.blueprintName(), request.targetName(), request.state()),
                        "request-update",
                        Map.of("request", request, "event", event, "requestUrl", links.request(request.id())))));
    }
}
