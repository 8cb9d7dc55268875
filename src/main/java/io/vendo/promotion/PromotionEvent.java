package io.vendo.promotion;

import io.vendo.audit.AuditableEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What happened to a promotion, in the timeline of the step's request that succeeded before it. */
public sealed interface PromotionEvent extends AuditableEvent {

    /** The request whose success moved the promotion on. */
    UUID requestId();

    @Override
    default String subjectId() {
        return requestId().toString();
    }

    /** The next step was filed as a request of its own, waiting for its own approval. */
    record PromotionStepFiled(
            UUID eventId, UUID requestId, Instant occurredAt, String actor, int step, String target, UUID filed)
            implements PromotionEvent {

        @Override
        public String action() {
            return "promotion.step-filed";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("step", String.valueOf(step), "target", target, "request", filed.toString());
        }
    }

    /** The next step could not be filed (its target changed, the quota was reached): the promotion stops there. */
    record PromotionStepRefused(
            UUID eventId, UUID requestId, Instant occurredAt, String actor, int step, String target, String reason)
            implements PromotionEvent {

        @Override
        public String action() {
            return "promotion.step-refused";
        }

        @Override
        public Map<String, String> details() {
            return Map.of("step", String.valueOf(step), "target", target, "reason", reason);
        }
    }
}
