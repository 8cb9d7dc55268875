package io.vendo.notification;

import io.vendo.approval.ApprovalEvent;
import io.vendo.approval.ApprovalEvent.ApprovalEscalated;
import io.vendo.approval.ApprovalEvent.ApprovalOpened;
import io.vendo.approval.ApprovalEvent.ApprovalReminded;
import io.vendo.approval.Approvals;
import io.vendo.identity.Directory;
import io.vendo.identity.Person;
import io.vendo.request.RequestKind;
import io.vendo.request.RequestState;
import io.vendo.request.Requests;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * E-mails each invited approver a one-time link to the request's confirmation page. A link is issued per e-mail and
 * exists in clear only in that e-mail: if sending fails, the event is delivered again later and new links issued. The
 * links of one invitation are issued together, in one statement and one short transaction, before the first mail.
 *
 * <p>The listener runs without a transaction of its own (like every notification listener): the request is read and
 * the links committed in a short transaction of their own, and mails are rendered and sent holding no database
 * connection. In a transaction, each delivery held one connection idle through the rendering and the sending, and
 * took a second one for the links.
 */
@Component
class ApprovalInvitations {

    private static final Logger log = LoggerFactory.getLogger(ApprovalInvitations.class);

    private final Approvals approvals;
    private final Requests requests;
    private final Directory directory;
    private final MailComposer composer;
    private final MailTransport mail;
    private final PortalLinks links;

    ApprovalInvitations(
            Approvals approvals,
            Requests requests,
            Directory directory,
            MailComposer composer,
            MailTransport mail,
            PortalLinks links) {
        this.approvals = approvals;
        this.requests = requests;
        this.directory = directory;
        this.composer = composer;
        this.mail = mail;
        this.links = links;
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void invite(ApprovalEvent.Invitation invitation) {
        var request = requests.require(invitation.requestId());
        if (request.state() != RequestState.PENDING_APPROVAL) {
            return;
        }
        var why =
                switch (invitation) {
                    case ApprovalOpened opened
                    when opened.round() > 1 ->
                        "waits for your approval again: what was approved before went stale before it ran, and AWS"
                                + " computed the change set again";
                    case ApprovalOpened opened -> "waits for your approval";
                    case ApprovalReminded reminded -> "still waits for your approval";
                    case ApprovalEscalated escalated -> "waits for approval and was escalated to " + escalated.group();
                };
        var invitees = new LinkedHashMap<String, Person>();
        for (var username : invitation.invitees()) {
            directory
                    .person(username)
                    .ifPresentOrElse(
                            person -> invitees.put(username, person),
                            () -> log.warn(
                                    "Approver {} of request {} is not in the directory: not invited",
                                    username,
                                    request.id()));
        }
        if (invitees.isEmpty()) {
            return;
        }
        var tokens = approvals.issueLinks(request.id(), invitees.keySet());
        var subject = "Approval needed: %s%s on %s by %s"
                .formatted(
                        request.kind() == RequestKind.UPDATE ? "update of " : "",
                        request.blueprintName(),
                        request.targetName(),
                        request.requester());
        // The round the mail shows: its page says so when that preview went stale before the approver came.
        var round =
                request.preview() == null ? "" : "&round=" + request.preview().round();
        invitees.forEach((username, person) -> {
            // Issued for every approver asked for.
            var token = Objects.requireNonNull(tokens.get(username));
            mail.send(composer.compose(
                    person.email(),
                    subject,
                    "approval-request",
                    Map.of(
                            "request",
                            request,
                            "why",
                            why,
                            "approveUrl",
                            links.approval(token) + "?decision=APPROVE" + round,
                            "rejectUrl",
                            links.approval(token) + "?decision=REJECT" + round,
                            "requestUrl",
                            links.request(request.id()))));
        });
    }
}
