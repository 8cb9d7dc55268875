package io.vendo.notification;

import io.vendo.approval.ApprovalEvent;
import io.vendo.approval.ApprovalEvent.ApprovalEscalated;
import io.vendo.approval.ApprovalEvent.ApprovalOpened;
import io.vendo.approval.ApprovalEvent.ApprovalReminded;
import io.vendo.approval.Approvals;
import io.vendo.identity.Directory;
import io.vendo.identity.Person;
import io.vendo.request.BatchView;
import io.vendo.request.RequestKind;
import io.vendo.request.RequestState;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionOperations;

/**
 * E-mails each invited approver a one-time link to the request's confirmation page. A link is issued per e-mail and
 * exists in clear only in that e-mail: if sending fails, the event is delivered again later and new links issued. The
 * links of one invitation are issued together, in one statement, in the short transaction that also reads the request
 * and the invitees, before the first mail.
 *
 * <p>The listener runs without a transaction of its own (like every notification listener): mails are rendered and sent
 * holding no database connection. In a transaction, each delivery held one connection idle through the rendering and
 * the sending, and took a second one for the links. The mail is rendered once per invitation, with a random
 * placeholder where each approver's link goes, and each approver's copy gets their own link: the approvers' mails differ
 * in nothing else, and rendering was the largest part of an invitation's CPU.
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
    private final TransactionOperations transactions;

    ApprovalInvitations(
            Approvals approvals,
            Requests requests,
            Directory directory,
            MailComposer composer,
            MailTransport mail,
            PortalLinks links,
            TransactionOperations transactions) {
        this.approvals = approvals;
        this.requests = requests;
        this.directory = directory;
        this.composer = composer;
        this.mail = mail;
        this.links = links;
        this.transactions = transactions;
    }

    /** A request still waiting for approval, the invitees the directory can reach, and each one's new link. */
    private record Invited(
            RequestView request,
            List<RequestView> decidedTogether,
            Map<String, Person> invitees,
            Map<String, String> tokens) {}

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void invite(ApprovalEvent.Invitation invitation) {
        var issued = Objects.requireNonNull(transactions.execute(status -> issue(invitation)));
        if (issued.isEmpty()) {
            return;
        }
        var request = issued.get().request();
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
        var subject = "Approval needed: %s%s on %s by %s"
                .formatted(
                        request.kind() == RequestKind.UPDATE ? "update of " : "",
                        request.blueprintName(),
                        request.targetName(),
                        request.requester());
        // A batch's one approval (row 0's) decides every row: the mail says so, and sums an update's previews up.
        var together = issued.get().decidedTogether();
        var fleet = together.size() > 1 ? BatchView.summarize(together) : null;
        // The round the mail shows: its page says so when that preview went stale before the approver came. A batch's
        // round is that of its rows' previews taken together.
        var round = fleet != null
                ? "&round=" + BatchView.roundOf(together)
                : request.preview() == null ? "" : "&round=" + request.preview().round();
        var placeholder = "vendo-link-" + UUID.randomUUID();
        var model = new LinkedHashMap<String, Object>();
        model.put("request", request);
        model.put("why", why);
        model.put("approveUrl", links.approval(placeholder) + "?decision=APPROVE" + round);
        model.put("rejectUrl", links.approval(placeholder) + "?decision=REJECT" + round);
        model.put("requestUrl", links.request(request.id()));
        model.put("rows", together.size());
        if (fleet != null && request.kind() == RequestKind.UPDATE) {
            model.put("fleet", fleet);
        }
        var draft = composer.compose("", subject, "approval-request", model);
        issued.get().invitees().forEach((username, person) -> {
            // Issued for every approver asked for.
            var token = Objects.requireNonNull(issued.get().tokens().get(username));
            mail.send(draft.personalised(person.email(), placeholder, token));
        });
    }

    private Optional<Invited> issue(ApprovalEvent.Invitation invitation) {
        var request = requests.require(invitation.requestId());
        // A batch's approval decides the rows still waiting: row 0 may have run already when an update's approval asks
        // again for another row's new preview.
        var together = requests.decidedTogether(request.id());
        if (together.stream().noneMatch(row -> row.state() == RequestState.PENDING_APPROVAL)) {
            return Optional.empty();
        }
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
            return Optional.empty();
        }
        return Optional.of(
                new Invited(request, together, invitees, approvals.issueLinks(request.id(), invitees.keySet())));
    }
}
