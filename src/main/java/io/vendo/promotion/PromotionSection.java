package io.vendo.promotion;

import io.vendo.digest.Sha256;
import io.vendo.identity.Actor;
import io.vendo.request.RequestView;
import io.vendo.request.web.RequestPageSection;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A promoted request's page shows the whole promotion: every step, its state, and a link to its request. */
@Component
class PromotionSection implements RequestPageSection {

    private final Promotions promotions;

    PromotionSection(Promotions promotions) {
        this.promotions = promotions;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public Optional<Part> read(RequestView request, Actor viewer) {
        return promotions
                .ofVisible(request.id())
                .map(promotion -> new Part(
                        "promotion/panel :: panel",
                        Map.of("promotion", promotion, "requestId", request.id()),
                        Sha256.hex(promotion.toString())));
    }
}
