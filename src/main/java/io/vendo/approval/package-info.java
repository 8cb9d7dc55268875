/**
 * Who must approve a request and what they decided. An approval opens when a request is submitted; each eligible
 * decision is recorded once, and when the approval is complete (or someone rejects) the request moves on. The
 * requester never approves their own request.
 *
 * <p>How it plays with the request module: {@link io.vendo.approval.ApprovalOpening} listens to the request's
 * submission synchronously, in the submitting transaction, so no request ever waits without an approval; how an
 * approval ends ({@link io.vendo.approval.ApprovalConcluded}: granted, refused, lapsed) is published as the approval
 * is saved, and the request moves on in that same transaction. The approval module never calls a request's
 * transitions; it reads requests through {@link io.vendo.request.Requests}.
 *
 * <p>An approval whose request is previewed first (an UPDATE of a stack or a Service Catalog product) opens held: its approvers are invited, and its
 * clock starts, in the transaction that stores the preview, and nobody decides before. When what was approved went
 * stale before it ran, the approval reopens in a new round, held until the new preview: decisions of earlier rounds stay
 * on record but no longer count, and everyone may decide again.
 *
 * <p>A batch has one approval, its row 0's: the other rows open none, and its conclusion decides every row still
 * waiting. For an UPDATE of a fleet it is released only once every row's preview is there, and it is bound to that set
 * of previews: when any row's preview goes stale (before or after the decision), it reopens in a new round, held until
 * the new preview, and a decision naming an earlier round is refused.
 *
 * <p>Its door is {@link io.vendo.approval.Approvals}: decisions from every channel, the one-time links, the inbox and
 * what a request's page shows. By named interface:
 *
 * <ul>
 *   <li>{@code approval::events} — what happened to an approval (notification listens; audit records them);
 *   <li>{@code approval::views} — what {@code Approvals} returns besides requests: decisions, requirements, status;
 *   <li>{@code approval::policies} — the policy administration of the approval's own pages; no other module uses it.
 * </ul>
 */
@ApplicationModule(
        displayName = "Approval",
        allowedDependencies = {
            "request",
            "request::events",
            "request::progress",
            "request::views",
            "request::ports",
            "request::web",
            "catalog",
            "catalog::blueprints",
            "catalog::targets",
            "catalog::ports",
            "identity",
            "identity::roles",
            "identity::directory",
            "audit::events",
            "refusal",
            "digest",
            "web"
        })
@NullMarked
package io.vendo.approval;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
