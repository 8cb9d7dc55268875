package io.vendo.request;

import io.vendo.catalog.BlueprintKind;
import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.Catalog;
import io.vendo.catalog.TargetDetails;
import io.vendo.identity.Actor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Checks the further targets of a promotion when it is submitted (the API, and the form before its review) and
 * announces a stored one ({@link PromotionRequested}). Each further target must exist, take the blueprint in its tier,
 * and appear once in the whole promotion, the first target included. ACCOUNT blueprints are never promoted: an
 * account is vended once, and its e-mail belongs to one account only.
 */
@Component
@NamedInterface(name = "forms", propagate = false)
public class PromotionChecks {

    /** Further targets after the first: enough for dev → test → staging → pre-production → production and more. */
    public static final int MAX_FURTHER_TARGETS = 5;

    private final Catalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PromotionChecks(Catalog catalog, ApplicationEventPublisher events, Clock clock) {
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What is wrong with the further targets, by field: {@code promotion[i]} for the target at index i (step i + 2),
     * {@code promotion} for the list as a whole; empty when nothing is.
     *
     * @param first the first step's target, when one was chosen
     */
    public Map<String, String> refusals(
            BlueprintVersionDetails blueprint, @Nullable TargetDetails first, List<String> further) {
        var errors = new LinkedHashMap<String, String>();
        if (further.isEmpty()) {
            return errors;
        }
        if (blueprint.kind() == BlueprintKind.ACCOUNT) {
            errors.put("promotion", "An account is vended once: only stacks, StackSets and products are promoted");
            return errors;
        }
        if (further.size() > MAX_FURTHER_TARGETS) {
            errors.put("promotion", "At most %d further targets".formatted(MAX_FURTHER_TARGETS));
            return errors;
        }
        var known = catalog.targets().stream().collect(Collectors.toMap(TargetDetails::slug, Function.identity()));
        var allowed =
                catalog.targetsFor(blueprint).stream().map(TargetDetails::slug).collect(Collectors.toSet());
        var steps = new ArrayList<String>();
        steps.add(first == null ? "" : first.slug());
        for (int i = 0; i < further.size(); i++) {
            var slug = further.get(i);
            var step = i + 2;
            var target = known.get(slug);
            String refusal = null;
            if (slug.isBlank()) {
                refusal = "Step %d: choose a target".formatted(step);
            } else if (steps.contains(slug)) {
                refusal = "Step %d: %s is already step %d; each target appears once in a promotion"
                        .formatted(step, slug, steps.indexOf(slug) + 1);
            } else if (target == null) {
                refusal = "Step %d: there is no target %s".formatted(step, slug);
            } else if (!allowed.contains(slug)) {
                refusal = "Step %d: blueprint %s may not be deployed to %s (%s)"
                        .formatted(step, blueprint.slug(), slug, target.environment());
            }
            if (refusal != null) {
                errors.put("promotion[" + i + "]", refusal);
            }
            steps.add(slug);
        }
        return errors;
    }

    /**
     * @return the further targets, in order
     * @throws PromotionRefusedException naming each refused step
     */
    List<TargetDetails> check(BlueprintVersionDetails blueprint, TargetDetails first, List<String> further) {
        var errors = refusals(blueprint, first, further);
        if (!errors.isEmpty()) {
            throw new PromotionRefusedException(errors);
        }
        return further.stream().map(catalog::target).toList();
    }

    /** In the submitting transaction: the promotion is stored exactly when its first request is. */
    void announce(UUID requestId, TargetDetails first, List<TargetDetails> further, Actor requester) {
        if (further.isEmpty()) {
            return;
        }
        var steps = new ArrayList<PromotionRequested.Step>();
        steps.add(step(first));
        further.stream().map(PromotionChecks::step).forEach(steps::add);
        events.publishEvent(new PromotionRequested(
                UUID.randomUUID(), requestId, clock.instant(), requester.username(), requester.primaryTeam(), steps));
    }

    private static PromotionRequested.Step step(TargetDetails target) {
        return new PromotionRequested.Step(target.id(), target.slug(), target.name(), target.environment());
    }
}
