package io.vendo.request;

import io.vendo.audit.AuditableEvent;
import io.vendo.catalog.EnvironmentTier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.modulith.NamedInterface;

/**
 * A request was submitted as the first step of a promotion: the same blueprint version and values go to each further
 * target in turn, each once the step before it succeeded. Published in the submitting transaction, so that the
 * promotion is stored exactly when its first request is.
 *
 * @param steps every step in order, the submitted request's own target first
 */
@NamedInterface("events")
public record PromotionRequested(
        UUID eventId, UUID requestId, Instant occurredAt, String actor, String team, List<Step> steps)
        implements AuditableEvent {

    public PromotionRequested {
        steps = List.copyOf(steps);
    }

    /** Where one step deploys. */
    public record Step(UUID targetId, String targetSlug, String targetName, EnvironmentTier environment) {}

    @Override
    public String subjectId() {
        return requestId.toString();
    }

    @Override
    public String action() {
        return "request.promotion-planned";
    }

    @Override
    public Map<String, String> details() {
        return Map.of(
                "steps",
                IntStream.range(0, steps.size())
                        .mapToObj(i -> "%d. %s (%s)"
                                .formatted(
                                        i + 1,
                                        steps.get(i).targetSlug(),
                                        steps.get(i).environment()))
                        .collect(Collectors.joining(" → ")));
    }
}
