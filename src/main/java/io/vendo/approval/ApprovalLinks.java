package io.vendo.approval;

import io.vendo.identity.Actor;
import io.vendo.refusal.Refusal.Kind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-time links mailed to approvers: only a link's hash is kept; a link is usable once, before it expires, by
 * the approver it was sent to. Every refused use is audited.
 */
@Component
class ApprovalLinks {

    /** Refusals of links that match no request are audited under this subject. */
    static final UUID NO_REQUEST = new UUID(0, 0);

    private final ApprovalLinkRepository links;
    private final RefusedAttempts refusals;
    private final ApprovalProperties properties;
    private final Clock clock;

    ApprovalLinks(ApprovalLinkRepository links, RefusedAttempts refusals, ApprovalProperties properties, Clock clock) {
        this.links = links;
        this.refusals = refusals;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * New links, one per approver of one pending request (in the order given; an approver named twice gets one).
     * Committed together on their own, in one batched statement, before the caller mails them, so that a link an
     * approver receives always exists: mailed from inside the invitation's transaction, a quick click could arrive
     * before the commit and be told the link is not valid.
     *
     * @return each approver's token, which exists in clear only here
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    Map<String, String> issue(UUID requestId, Collection<String> approvers) {
        var now = clock.instant();
        var expiresAt = now.plus(properties.linkValidity());
        var tokens = new LinkedHashMap<String, String>();
        var issued = new ArrayList<ApprovalLink>();
        for (var approver : approvers) {
            if (!tokens.containsKey(approver)) {
                var token = LinkTokens.newToken();
                tokens.put(approver, token);
                issued.add(new ApprovalLink(LinkTokens.hash(token), requestId, approver, expiresAt, now));
            }
        }
        links.saveAll(issued);
        return tokens;
    }

    /**
     * The link behind a token, if this actor may use it now.
     *
     * @throws DecisionRefusedException for an unknown, used or expired link, or one sent to someone else (audited)
     */
    ApprovalLink usable(String token, Actor actor, String source) {
        var link = links.findById(LinkTokens.hash(token)).orElse(null);
        if (link == null) {
            throw refused(NO_REQUEST, actor, source, Kind.NOT_FOUND, "This approval link is not valid");
        }
        var unusable = link.unusableBecause(clock.instant());
        if (unusable != null) {
            throw refused(link.requestId(), actor, source, Kind.GONE, "This approval link cannot be used: " + unusable);
        }
        if (!link.approver().equals(actor.username())) {
            throw refused(
                    link.requestId(),
                    actor,
                    source,
                    Kind.NOT_ALLOWED,
                    "This approval link was sent to another approver; log in as %s or use the inbox"
                            .formatted(link.approver()));
        }
        return link;
    }

    /**
     * Marks the link used, in the deciding transaction. Single use is the database's to guarantee: of two concurrent
     * decisions through one link, one marks it, and the other is refused and rolls back.
     */
    void use(String token) {
        if (links.markUsed(LinkTokens.hash(token), clock.instant()) == 0) {
            throw new DecisionRefusedException(
                    Kind.GONE, "This approval link cannot be used: the link was already used");
        }
    }

    private DecisionRefusedException refused(UUID requestId, Actor actor, String source, Kind kind, String reason) {
        refusals.record(requestId, actor, DecisionChannel.EMAIL_LINK, source, reason);
        return new DecisionRefusedException(kind, reason);
    }
}
