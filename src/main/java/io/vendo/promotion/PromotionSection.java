package io.vendo.promotion;

import io.vendo.catalog.EnvironmentTier;
import io.vendo.digest.Sha256;
import io.vendo.identity.Actor;
import io.vendo.request.RequestView;
import io.vendo.request.web.ApprovalForecast;
import io.vendo.request.web.RequestPageSection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * A promoted request's page shows the whole promotion: every step, its state, a link to its request, and for a step
 * still to be filed who will have to approve it there. While the promotion goes on, the page follows every filed
 * step's request, so that it shows the next step filed, approved and started as it happens, also once its own request
 * has ended.
 */
@Component
class PromotionSection implements RequestPageSection {

    private final Promotions promotions;
    private final ApprovalForecast approvals;

    PromotionSection(Promotions promotions, ApprovalForecast approvals) {
        this.promotions = promotions;
        this.approvals = approvals;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Optional<Part> read(RequestView request, Actor viewer) {
        return promotions.ofVisible(request.id()).map(promotion -> {
            var approvers = new TreeMap<Integer, String>();
            promotion.steps().stream()
                    .filter(step -> step.state().equals(PromotionView.WAITING))
                    .forEach(step -> approvers.put(
                            step.number(),
                            approvals.whoMustApprove(
                                    request.blueprintSlug(),
                                    EnvironmentTier.valueOf(step.environment()),
                                    request.team())));
            var next = promotion.steps().stream()
                    .dropWhile(step -> !request.id().equals(step.requestId()))
                    .skip(1)
                    .findFirst();
            var model = new HashMap<String, Object>();
            model.put("promotion", promotion);
            model.put("requestId", request.id());
            model.put("approvers", approvers);
            next.ifPresent(step -> model.put("next", step));
            return new Part(
                    "promotion/panel :: panel",
                    Map.copyOf(model),
                    Sha256.hex(promotion + "\n" + approvers),
                    follows(promotion));
        });
    }

    /** Every filed step's request while the promotion goes on: their changes move it on, or show on its steps. */
    private static Set<UUID> follows(PromotionView promotion) {
        if (!promotion.status().equals(PromotionView.IN_PROGRESS)) {
            return Set.of();
        }
        return promotion.steps().stream()
                .map(PromotionView.Step::requestId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }
}
