package io.vendo.catalog;

import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Targets as the platform team changes them, each change checked whole by {@link CatalogRules} or refused. */
@Service
@Transactional
class TargetCuration {

    private final TargetRepository targets;
    private final Clock clock;

    TargetCuration(TargetRepository targets, Clock clock) {
        this.targets = targets;
        this.clock = clock;
    }

    TargetDetails create(NewTarget target) {
        refuseInvalid(target);
        if (targets.findBySlug(target.slug()).isPresent()) {
            throw new CatalogConflictException(
                    "Already in the catalog", "A target '%s' exists already".formatted(target.slug()));
        }
        return targets.save(new Target(target, clock.instant())).toDetails();
    }

    TargetDetails update(String slug, NewTarget target) {
        var existing = targets.findBySlug(slug).orElseThrow(() -> new CatalogItemNotFoundException("target", slug));
        if (!slug.equals(target.slug())) {
            throw new InvalidEntryException("target", Map.of("slug", "A target's slug never changes"));
        }
        refuseInvalid(target);
        existing.update(target);
        return existing.toDetails();
    }

    TargetDetails register(NewTarget target) {
        var existing = targets.findBySlug(target.slug());
        if (existing.isPresent()) {
            return existing.get().toDetails();
        }
        refuseInvalid(target);
        return targets.save(new Target(target, clock.instant())).toDetails();
    }

    private static void refuseInvalid(NewTarget target) {
        var errors = TargetRules.check(target);
        if (!errors.isEmpty()) {
            throw new InvalidEntryException("target", errors);
        }
    }
}
