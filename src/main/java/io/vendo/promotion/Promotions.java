package io.vendo.promotion;

import io.vendo.identity.Actor;
import io.vendo.request.Requests;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads promotions: the one a request is a step of, for whoever may see that request. */
@Service
@Transactional(readOnly = true)
public class Promotions {

    private final PromotionRepository repository;
    private final Requests requests;

    Promotions(PromotionRepository repository, Requests requests) {
        this.repository = repository;
        this.requests = requests;
    }

    /**
     * @throws io.vendo.request.RequestNotFoundException when the viewer may not see the request
     */
    public Optional<PromotionView> of(UUID requestId, Actor viewer) {
        requests.get(requestId, viewer);
        return ofVisible(requestId);
    }

    /** For a request the caller already showed the viewer may see. */
    Optional<PromotionView> ofVisible(UUID requestId) {
        return repository
                .idByStepRequest(requestId)
                .flatMap(repository::findById)
                .map(promotion -> PromotionView.of(
                        promotion, request -> requests.require(request).state()));
    }
}
