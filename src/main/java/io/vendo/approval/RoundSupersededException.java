package io.vendo.approval;

import io.vendo.refusal.Refusal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * A decision on a round that is no longer the approval's current one: what the approver was shown (a change set, a
 * plan) went stale and AWS computed it again, so their decision would count towards something they never saw. Nothing
 * is recorded; the channel shows the current round's preview and lets them decide on that.
 */
@NamedInterface("views")
public class RoundSupersededException extends Refusal {

    private final int currentRound;

    RoundSupersededException(UUID requestId, int decidedRound, int currentRound, @Nullable String currentPreview) {
        super(
                Kind.CONFLICT,
                "Decision on a superseded preview",
                detail(requestId, decidedRound, currentRound, currentPreview),
                facts(decidedRound, currentRound, currentPreview));
        this.currentRound = currentRound;
    }

    /** The round a decision must name now. */
    public int currentRound() {
        return currentRound;
    }

    private static String detail(UUID requestId, int decidedRound, int currentRound, @Nullable String currentPreview) {
        var shown = "Nothing was recorded: you decided on round %d of request %s, but what it showed went stale and AWS"
                .formatted(decidedRound, requestId);
        return currentPreview == null
                ? shown
                        + " is computing it again (round %d). Decide once the new preview is shown."
                                .formatted(currentRound)
                : shown
                        + " computed it again: round %d (%s) is the one to decide on now."
                                .formatted(currentRound, currentPreview);
    }

    private static Map<String, Object> facts(int decidedRound, int currentRound, @Nullable String currentPreview) {
        var facts = new LinkedHashMap<String, Object>();
        facts.put("decidedRound", decidedRound);
        facts.put("currentRound", currentRound);
        if (currentPreview != null) {
            facts.put("currentPreview", currentPreview);
        }
        return facts;
    }
}
