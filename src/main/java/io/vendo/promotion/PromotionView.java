package io.vendo.promotion;

import io.vendo.request.RequestState;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A promotion as the pages and the API show it: each step with its state and, once filed, its request.
 *
 * @param status {@code IN_PROGRESS}, {@code COMPLETED} (the last step succeeded) or {@code STOPPED} (a step ended
 *     otherwise, or could not be filed: nothing after it is filed)
 */
public record PromotionView(UUID id, String status, List<Step> steps) {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String WAITING = "WAITING";

    /**
     * @param state the request's state once filed; before, {@code WAITING} (for the step before it to succeed) or
     *     {@code NOT_FILED} (the promotion stopped before it)
     * @param note why a step was not or will not be filed, when it was not
     */
    public record Step(
            int number,
            String targetSlug,
            String targetName,
            String environment,
            @Nullable UUID requestId,
            String state,
            @Nullable String note) {}

    static PromotionView of(Promotion promotion, Function<UUID, RequestState> states) {
        var shown = new ArrayList<Step>();
        String stopped = null;
        var last = "";
        for (var step : promotion.steps()) {
            var number = shown.size() + 1;
            var request = step.requestId();
            String state;
            String note = null;
            if (request != null) {
                var current = states.apply(request);
                state = current.name();
                if (current.terminal() && current != RequestState.SUCCEEDED && stopped == null) {
                    stopped = "step %d %s".formatted(number, ended(current));
                }
            } else if (step.refusal() != null) {
                state = "NOT_FILED";
                note = step.refusal();
                stopped = stopped == null ? "step %d could not be filed".formatted(number) : stopped;
            } else if (stopped != null) {
                state = "NOT_FILED";
                note = "Not filed: " + stopped;
            } else {
                state = WAITING;
                note = "Filed once step %d succeeds".formatted(number - 1);
            }
            last = state;
            shown.add(new Step(number, step.targetSlug(), step.targetName(), step.environment(), request, state, note));
        }
        var status = stopped != null ? "STOPPED" : last.equals("SUCCEEDED") ? "COMPLETED" : IN_PROGRESS;
        return new PromotionView(promotion.id(), status, List.copyOf(shown));
    }

    private static String ended(RequestState state) {
        return switch (state) {
            case FAILED -> "failed";
            case REJECTED -> "was rejected";
            case CANCELLED -> "was cancelled";
            case EXPIRED -> "expired without a decision";
            case DRY_RUN -> "ran dry (dry-run mode creates nothing, so there is nothing to promote)";
            default -> "ended " + state;
        };
    }
}
