package io.vendo.request;

import io.vendo.catalog.Catalog;
import io.vendo.identity.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files day-2 requests (UPDATE, EXTEND, DECOMMISSION) for the environment module, which decides whether one may be
 * filed (owner, one at a time, lifetime, retired versions) before it asks. A day-2 request goes the way a PROVISION
 * request goes: submitted, approved by the policy that applies to its kind, executed, audited.
 */
@Service
@NamedInterface(name = "day-two", propagate = false)
public class DayTwoRequests {

    private static final Logger log = LoggerFactory.getLogger(DayTwoRequests.class);

    private final RequestRepository repository;
    private final Catalog catalog;
    private final Clock clock;

    DayTwoRequests(RequestRepository repository, Catalog catalog, Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Stores the request as {@link RequestState#PENDING_APPROVAL}, in the caller's transaction: the environment that
     * becomes busy with it commits with it (and its approval opens in it too, or it is approved at once).
     *
     * @param requestedExpiry the expiry an EXTEND request asks for; none for the other kinds
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public RequestView file(
            RequestKind kind,
            UUID environmentId,
            UUID blueprintVersionId,
            UUID targetId,
            @Nullable Instant requestedExpiry,
            String justification,
            Actor requester) {
        if (!kind.dayTwo()) {
            throw new IllegalArgumentException("Not a day-2 kind: " + kind);
        }
        var id = UUID.randomUUID();
        var request = VendingRequest.submit(
                new NewRequest(
                        id,
                        kind,
                        environmentId,
                        requestedExpiry,
                        catalog.version(blueprintVersionId),
                        catalog.target(targetId),
                        Map.of(),
                        Map.of(),
                        justification.strip(),
                        requester),
                clock.instant());
        var saved = repository.save(request).toView();
        log.info("Request {} filed: {} of environment {} by {}", id, kind, environmentId, requester.username());
        return saved;
    }
}
