/**
 * Executes approved requests against AWS, durably: a db-scheduler task per request does one short step per run
 * (submit, or poll) and reschedules itself, so no thread waits on AWS and a restarted or second replica carries on
 * where the first stopped. Without AWS, every kind renders its calls and the request ends in DRY_RUN.
 *
 * <p>The runner ({@link io.vendo.execution.RequestExecutor}) is the same for every kind: it builds the request's
 * {@link io.vendo.execution.Job}, starts and times out the execution, dispatches each run to the step of the
 * execution's phase, retries or waits out what AWS refuses, and reports the outcome. One sub-package per blueprint
 * kind ({@code stack}, {@code account}, {@code product}, {@code stackset}) holds that kind's executor (a {@link
 * io.vendo.execution.KindExecutor}: its spec, its phases and their steps) and the port the {@code aws} module
 * implements for it.
 *
 * <p>A kind may compute what a request will change before it is approved ({@link
 * io.vendo.execution.KindExecutor#previews()}: an UPDATE of a stack or a Service Catalog product): a preview task of its own runs the execution's
 * first phases while the request waits for approval, and reports the preview to the request module in the transaction
 * that ends them; the approval, which schedules the execution task, never finds that task in its way. See {@code
 * execution.stack} for where the preview is made and why there.
 *
 * <p>Its doors: no other module calls it. What others hold, by named interface:
 *
 * <ul>
 *   <li>{@code execution::provisioning} — where and with what to call AWS, how a call failed, whether AWS is there
 *       ({@code aws});
 *   <li>{@code execution::stack}, {@code ::account}, {@code ::product}, {@code ::stackset} — each kind's port, spec and
 *       AWS's answers ({@code aws});
 *   <li>{@code execution::kinds} — the skeleton the kinds' sub-packages plug into; no other module uses it.
 * </ul>
 *
 * Its API is {@link io.vendo.execution.ExecutionEvent} (what AWS did, audited on the request's timeline). What the
 * request must know it reports through the contracts the request module declares ({@code RequestProgress}), in the
 * transaction of the step that reports it. The request page's execution panel and queue place are this module's own
 * pages.
 */
@ApplicationModule(
        displayName = "Execution",
        allowedDependencies = {
            "catalog",
            "catalog::blueprints",
            "catalog::targets",
            "request",
            "request::events",
            "request::progress",
            "request::views",
            "request::web",
            "environment",
            "identity",
            "audit::events",
            "digest",
            "web"
        })
@NullMarked
package io.vendo.execution;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
