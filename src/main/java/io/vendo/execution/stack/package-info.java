/**
 * STACK requests: one stack per request through a CloudFormation change set. The executors are package-private; the
 * port ({@link io.vendo.execution.stack.StackProvisioner}), its spec and AWS's answers are the named interface
 * {@code execution::stack}, which the {@code aws} module implements on CloudFormation. Creating, updating and deleting
 * a stack are three executors; the steps every change set goes through (create with its ClientToken, wait, execute with
 * its ClientRequestToken, wait for the stack) are one class both change-set executors use.
 *
 * <p><b>Where an UPDATE's preview is made, and why there.</b> A PROVISION request's change set is created after
 * approval (a CREATE change set makes the stack, in REVIEW_IN_PROGRESS, which a rejected request must not leave
 * behind). An UPDATE's change set changes nothing until it is executed, and approvers must see it before they decide,
 * so it is created at submission: in the request's own execution, whose first durable phases (CREATE_CHANGE_SET,
 * AWAIT_CHANGE_SET) a preview task runs while the request waits for approval. The phase that ends them stores the
 * computed changes on the request, and in that same transaction the approval module invites the approvers (until then
 * the approval is held, and nobody can decide). A crash anywhere on that path loses nothing: each phase is committed,
 * the change set's name and ClientToken derive from the request, and a repeated CreateChangeSet after a possibly sent
 * one looks the change set up first. After approval the execution starts in AWAIT_APPROVAL, checks that the change set
 * can still run as shown (ExecutionStatus AVAILABLE), and executes exactly that one; a stale one (OBSOLETE because the
 * stack changed, UNAVAILABLE, deleted) is never executed: the next round computes a new one under its own name and
 * token, and the request goes back to its approvers.
 */
@NamedInterface("stack")
@NullMarked
package io.vendo.execution.stack;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
