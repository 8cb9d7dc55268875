/**
 * Promotions: one submission that goes through a sequence of targets (staging, then production, in other accounts),
 * the same blueprint version and values at every step.
 *
 * <p>The first step is an ordinary request, submitted through the request module with its further targets ({@link
 * io.vendo.request.SubmitRequest#promotion()}), which checks them and announces the promotion ({@link
 * io.vendo.request.PromotionRequested}) in the submitting transaction; this module stores it there, so a promotion
 * exists exactly when its first request does. Each next step is filed only after the step before it SUCCEEDED: this
 * module reacts to {@link io.vendo.request.RequestEvent.RequestSucceeded} from the event publication registry, after
 * commit and again after a crash until it was handled, and files the step through {@link
 * io.vendo.request.PromotedRequests} in the transaction that records it on the promotion (locked, versioned): a
 * redelivered success finds the step filed and files nothing, so every step is filed exactly once. The step waits for
 * the approval its own tier's policy asks for. A step that fails, is rejected, cancelled, expires or runs dry stops the
 * promotion: nothing after it is filed (a composite step retried to success goes on).
 *
 * <p>Its door is {@link io.vendo.promotion.Promotions}; the request's page shows the steps ({@code promotion/panel})
 * and follows every filed step's request while the promotion goes on, and {@code GET /api/v1/requests/{id}/promotion}
 * answers for any step's request. It tells the request module ({@link io.vendo.request.PromotionPlans}) which steps
 * are still to be filed — they hold their places in the blueprint's quota from submission on — and which targets a
 * request's promotion goes on to, for "request again".
 */
@ApplicationModule(
        displayName = "Promotions",
        allowedDependencies = {
            "request",
            "request::events",
            "request::views",
            "request::promotion",
            "request::ports",
            "request::web",
            "catalog",
            "catalog::blueprints",
            "catalog::targets",
            "identity",
            "audit",
            "audit::events",
            "digest",
            "refusal"
        })
@NullMarked
package io.vendo.promotion;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
