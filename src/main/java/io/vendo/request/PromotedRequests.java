package io.vendo.request;

import io.vendo.catalog.Catalog;
import io.vendo.catalog.StackSetChoice;
import io.vendo.catalog.StackSetChoiceRefusedException;
import io.vendo.identity.Actor;
import io.vendo.identity.Role;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files the next step of a promotion for the promotion module, once the step before it succeeded: a PROVISION request
 * of the same blueprint version with the same values (NoEcho ones re-encrypted for the new request; nobody sees them)
 * and, for a StackSet, the same OUs and regions,
 * filed for the same requester and team, waiting for the approval its own target's tier asks for.
 */
@Service
@NamedInterface(name = "promotion", propagate = false)
public class PromotedRequests {

    private static final Logger log = LoggerFactory.getLogger(PromotedRequests.class);

    private final RequestRepository repository;
    private final Catalog catalog;
    private final SecretParameters secrets;
    private final StackSetChoices choices;
    private final Submissions submissions;
    private final Clock clock;

    PromotedRequests(
            RequestRepository repository,
            Catalog catalog,
            SecretParameters secrets,
            StackSetChoices choices,
            Submissions submissions,
            Clock clock) {
        this.repository = repository;
        this.catalog = catalog;
        this.secrets = secrets;
        this.choices = choices;
        this.submissions = submissions;
        this.clock = clock;
    }

    /**
     * Stores the step's request as {@link RequestState#PENDING_APPROVAL} in the caller's transaction, so that the
     * promotion that records it commits with it (and its approval opens in it). Its target is checked again, as it
     * may have changed since the promotion was submitted; the blueprint's quota too.
     *
     * @param previous the step before, which succeeded
     * @param step the step's number (the first target is step 1), for its justification
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PromotionOutcome promote(UUID previous, UUID targetId, int step) {
        var before = repository.findById(previous).orElseThrow(() -> new RequestNotFoundException(previous));
        var shown = before.toView();
        var version = catalog.version(shown.blueprintVersionId());
        var target = catalog.targetsFor(version).stream()
                .filter(candidate -> candidate.id().equals(targetId))
                .findFirst();
        if (target.isEmpty()) {
            return new PromotionOutcome.Refused("Step %d: its target no longer exists or no longer takes blueprint %s"
                    .formatted(step, version.slug()));
        }
        // A StackSet's step goes to the OUs and regions the first step chose, if its target takes them.
        var stackSet = choices.find(previous).orElse(StackSetChoice.NONE);
        try {
            catalog.checkStackSetChoice(version, target.get(), stackSet);
        } catch (StackSetChoiceRefusedException e) {
            return new PromotionOutcome.Refused("Step %d: %s".formatted(step, e.detail()));
        }
        var overQuota = submissions.refusalOfPromotedStep(version.slug(), shown.team());
        if (overQuota.isPresent()) {
            return new PromotionOutcome.Refused("Step %d: %s".formatted(step, overQuota.get()));
        }
        var id = UUID.randomUUID();
        var sealed = new LinkedHashMap<String, String>();
        before.secretParameters()
                .forEach((name, ciphertext) ->
                        sealed.put(name, secrets.seal(id, name, secrets.open(previous, name, ciphertext))));
        var ordinary = new LinkedHashMap<>(shown.parameters());
        ordinary.keySet().removeAll(sealed.keySet());
        var request = VendingRequest.submit(
                new NewRequest(
                        id,
                        version,
                        target.get(),
                        ordinary,
                        sealed,
                        "%s (promotion step %d, after request %s succeeded)"
                                .formatted(shown.justification(), step, previous),
                        new Actor(shown.requester(), Set.of(Role.REQUESTER), Set.of(shown.team()))),
                clock.instant());
        var saved = repository.save(request).toView();
        choices.store(id, stackSet, VendingRequest.SYSTEM);
        log.info(
                "Request {} filed: promotion step {} of request {} to {}",
                id,
                step,
                previous,
                target.get().slug());
        return new PromotionOutcome.Filed(saved);
    }
}
