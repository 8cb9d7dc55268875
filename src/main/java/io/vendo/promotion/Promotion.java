package io.vendo.promotion;

import io.vendo.promotion.PromotionEvent.PromotionStepFiled;
import io.vendo.promotion.PromotionEvent.PromotionStepRefused;
import io.vendo.request.PromotionOutcome;
import io.vendo.request.PromotionRequested;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A promotion: its steps in order, each filed as a request once the step before it succeeded. It guards that each
 * step is filed (or refused) once: {@link #after} offers a step only while it is still to be filed, and {@link Version}
 * fences two deliveries of the same success that would both file it.
 */
@Entity
@Table(name = "promotion")
class Promotion extends AbstractAggregateRoot<Promotion> {

    static final String SYSTEM = "system";

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private String requester;

    @Column(nullable = false, updatable = false)
    private String team;

    @ElementCollection
    @CollectionTable(name = "promotion_step", joinColumns = @JoinColumn(name = "promotion_id"))
    @OrderColumn(name = "position")
    private List<PromotionStep> steps = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Promotion() {}

    /** The first step is the submitted request itself; the others wait for it. */
    static Promotion of(PromotionRequested requested) {
        var promotion = new Promotion();
        promotion.id = UUID.randomUUID();
        promotion.requester = requested.actor();
        promotion.team = requested.team();
        promotion.createdAt = requested.occurredAt();
        promotion.updatedAt = requested.occurredAt();
        var planned = requested.steps();
        for (int i = 0; i < planned.size(); i++) {
            var step = planned.get(i);
            promotion.steps.add(new PromotionStep(
                    step.targetId(),
                    step.targetSlug(),
                    step.targetName(),
                    step.environment().name(),
                    i == 0 ? requested.requestId() : null));
        }
        return promotion;
    }

    /** A step to file: its place (0 for the first) and where it goes. */
    record Next(int index, PromotionStep step) {

        /** As people count steps: the first target is step 1. */
        int number() {
            return index + 1;
        }
    }

    /** The step after the one this request carried out, while it is still to be filed. */
    Optional<Next> after(UUID requestId) {
        return IntStream.range(0, steps.size() - 1)
                .filter(i -> requestId.equals(steps.get(i).requestId()))
                .mapToObj(i -> new Next(i + 1, steps.get(i + 1)))
                .filter(next -> next.step().pending())
                .findFirst();
    }

    /** The step was filed, or refused with the reason: either way it is settled, once. */
    void settle(Next next, UUID previous, PromotionOutcome outcome, Instant now) {
        var step = pending(next);
        this.updatedAt = now;
        var number = next.number();
        var target = step.targetSlug();
        switch (outcome) {
            case PromotionOutcome.Filed filed -> {
                step.filed(filed.request().id());
                registerEvent(new PromotionStepFiled(
                        UUID.randomUUID(),
                        previous,
                        now,
                        SYSTEM,
                        number,
                        target,
                        filed.request().id()));
            }
            case PromotionOutcome.Refused refused -> {
                step.refused(refused.reason());
                registerEvent(new PromotionStepRefused(
                        UUID.randomUUID(), previous, now, SYSTEM, number, target, refused.reason()));
            }
        }
    }

    private PromotionStep pending(Next next) {
        var step = steps.get(next.index());
        if (!step.pending()) {
            throw new IllegalStateException(
                    "Step %d of promotion %s was already filed or refused".formatted(next.number(), id));
        }
        return step;
    }

    UUID id() {
        return id;
    }

    List<PromotionStep> steps() {
        return List.copyOf(steps);
    }
}
