package io.vendo.promotion;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One step of a promotion: where it deploys (as the target was when the promotion was submitted), the request that
 * carries it out once filed, or why it could not be filed.
 */
@Embeddable
class PromotionStep {

    @Column(name = "target_id", nullable = false)
    private UUID targetId;

    @Column(name = "target_slug", nullable = false)
    private String targetSlug;

    @Column(name = "target_name", nullable = false)
    private String targetName;

    @Column(nullable = false)
    private String environment;

    @Column(name = "request_id")
    private @Nullable UUID requestId;

    @Column(name = "refusal")
    private @Nullable String refusal;

    protected PromotionStep() {}

    PromotionStep(UUID targetId, String targetSlug, String targetName, String environment, @Nullable UUID requestId) {
        this.targetId = targetId;
        this.targetSlug = targetSlug;
        this.targetName = targetName;
        this.environment = environment;
        this.requestId = requestId;
    }

    UUID targetId() {
        return targetId;
    }

    String targetSlug() {
        return targetSlug;
    }

    String targetName() {
        return targetName;
    }

    String environment() {
        return environment;
    }

    @Nullable
    UUID requestId() {
        return requestId;
    }

    @Nullable
    String refusal() {
        return refusal;
    }

    boolean pending() {
        return requestId == null && refusal == null;
    }

    void filed(UUID request) {
        this.requestId = request;
    }

    void refused(String reason) {
        this.refusal = reason;
    }
}
