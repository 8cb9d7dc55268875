package io.vendo.environment;

import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import io.vendo.request.DayTwoRequests;
import io.vendo.request.RequestKind;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At the end of a lease Vendo files the DECOMMISSION request itself, as {@value #VENDO} on behalf of the owning team;
 * the approval policy for decommissions decides whether someone must approve it. The environment is locked and
 * becomes busy with the request in the same transaction, so it is filed once however many replicas look.
 */
@Component
class LeaseExpiry {

    /** Who files the requests of ended leases. */
    static final String VENDO = "vendo";

    private static final Logger log = LoggerFactory.getLogger(LeaseExpiry.class);

    private final EnvironmentRepository repository;
    private final DayTwoRequests dayTwo;
    private final AccountRetirementCheck retirement;
    private final Clock clock;

    /** Accounts whose lease ended but whose blueprint does not say how they are retired: logged once each. */
    private final Set<UUID> toldUnretirable = ConcurrentHashMap.newKeySet();

    LeaseExpiry(
            EnvironmentRepository repository, DayTwoRequests dayTwo, AccountRetirementCheck retirement, Clock clock) {
        this.repository = repository;
        this.dayTwo = dayTwo;
        this.retirement = retirement;
        this.clock = clock;
    }

    @Transactional
    void expireIfDue(UUID id) {
        var environment = repository.lockById(id).orElse(null);
        var now = clock.instant();
        if (environment == null || !environment.expiredAt(now)) {
            return;
        }
        var unretirable = retirement.refusal(environment);
        if (unretirable.isPresent()) {
            // Its owner was reminded; people decide what becomes of it, as the refusal says.
            if (toldUnretirable.add(id)) {
                log.warn(
                        "Environment {}: lease ended, not decommissioned: {}",
                        id,
                        unretirable.get().detail());
            }
            return;
        }
        var vendo = new Actor(
                VENDO, Set.of(Role.REQUESTER), Set.of(environment.ownership().team()));
        var request = dayTwo.file(
                RequestKind.DECOMMISSION,
                id,
                environment.origin().blueprintVersionId(),
                environment.origin().targetId(),
                null,
                "The lease ended at %s".formatted(environment.lease().expiresAt()),
                vendo);
        environment.filed(request.id(), RequestKind.DECOMMISSION, VENDO, now);
        environment.expire(request.id(), now);
        repository.save(environment);
        log.info("Environment {}: lease ended, decommission request {} filed", id, request.id());
    }
}
