package io.vendo.promotion;

import io.vendo.request.PromotionPlans;
import io.vendo.request.RequestState;
import io.vendo.request.Requests;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the request module what promotions still plan: the steps to be filed, which hold their places in the quota
 * from the promotion's submission until each is filed (or the promotion stops), and the targets a request's
 * promotion goes on to after it.
 */
@Component
@Transactional(readOnly = true)
class PromotionPlanning implements PromotionPlans {

    private final PromotionRepository repository;
    private final Requests requests;

    PromotionPlanning(PromotionRepository repository, Requests requests) {
        this.repository = repository;
        this.requests = requests;
    }

    /**
     * A promotion that stopped (a step failed, was rejected, cancelled, expired or ran dry, or could not be filed)
     * files nothing more, so its steps hold nothing.
     */
    @Override
    public long stepsToFile(String blueprintSlug, String team) {
        return repository.withStepsToFile(team).stream()
                .map(promotion -> PromotionView.of(promotion, this::state))
                .filter(promotion -> promotion.status().equals(PromotionView.IN_PROGRESS))
                .filter(promotion -> blueprintSlug.equals(blueprintOf(promotion)))
                .mapToLong(promotion -> promotion.steps().stream()
                        .filter(step -> step.state().equals(PromotionView.WAITING))
                        .count())
                .sum();
    }

    @Override
    public List<String> targetsAfter(UUID requestId) {
        return repository
                .idByStepRequest(requestId)
                .flatMap(repository::findById)
                .map(promotion -> promotion.steps().stream()
                        .dropWhile(step -> !requestId.equals(step.requestId()))
                        .skip(1)
                        .map(PromotionStep::targetSlug)
                        .toList())
                .orElse(List.of());
    }

    private RequestState state(UUID request) {
        return requests.require(request).state();
    }

    /** The first step is filed with the promotion, and every step carries the same blueprint. */
    private String blueprintOf(PromotionView promotion) {
        var first = promotion.steps().stream()
                .map(PromotionView.Step::requestId)
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow();
        return requests.require(first).blueprintSlug();
    }
}
