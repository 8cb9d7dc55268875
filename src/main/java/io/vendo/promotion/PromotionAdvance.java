package io.vendo.promotion;

import io.vendo.request.PromotedRequests;
import io.vendo.request.PromotionOutcome;
import io.vendo.request.PromotionRequested;
import io.vendo.request.RequestEvent.RequestSucceeded;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Stores a promotion with its first request, and moves it on when a step succeeds. The success arrives from the event
 * publication registry after its commit, and again after a crash until it was handled; the next step is filed and
 * recorded on the locked promotion in one transaction, so a second delivery finds it filed and files nothing.
 */
@Component
class PromotionAdvance {

    private static final Logger log = LoggerFactory.getLogger(PromotionAdvance.class);

    private final PromotionRepository repository;
    private final PromotedRequests requests;
    private final Clock clock;

    PromotionAdvance(PromotionRepository repository, PromotedRequests requests, Clock clock) {
        this.repository = repository;
        this.requests = requests;
        this.clock = clock;
    }

    /** In the submitting transaction: no first request without its promotion, nor the other way round. */
    @EventListener
    void on(PromotionRequested requested) {
        var promotion = repository.save(Promotion.of(requested));
        log.info("Promotion {} planned from request {}", promotion.id(), requested.requestId());
    }

    @ApplicationModuleListener
    void on(RequestSucceeded succeeded) {
        var previous = succeeded.requestId();
        repository.idByStepRequest(previous).flatMap(repository::lockById).ifPresent(promotion -> promotion
                .after(previous)
                .ifPresent(next -> {
                    var outcome = requests.promote(previous, next.step().targetId(), next.number());
                    if (outcome instanceof PromotionOutcome.Refused refused) {
                        log.warn("Promotion {} stops: {}", promotion.id(), refused.reason());
                    }
                    promotion.settle(next, previous, outcome, clock.instant());
                    repository.save(promotion);
                }));
    }
}
