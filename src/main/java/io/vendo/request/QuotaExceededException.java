package io.vendo.request;

import io.vendo.refusal.Refusal;
import java.util.Map;

/**
 * A team that already holds as many of a blueprint as its quota allows (environments, requests on their way, promotion
 * steps still to be filed), or a promotion whose steps would take it past the quota.
 */
class QuotaExceededException extends Refusal {

    private QuotaExceededException(String detail, int quota) {
        super(Kind.CONFLICT, "Quota reached", detail, Map.of("quota", quota));
    }

    static QuotaExceededException reached(String blueprint, String team, int quota) {
        return new QuotaExceededException(
                ("Team %s already has %d environment(s) or pending request(s) of blueprint %s, its quota: "
                                + "decommission or cancel one first")
                        .formatted(team, quota, blueprint),
                quota);
    }

    static QuotaExceededException promotion(String blueprint, String team, int quota, long held, int steps) {
        return new QuotaExceededException(
                ("A promotion of %d steps leaves an environment at every step: team %s holds %d of blueprint %s"
                                + " (environments, requests on their way and promotion steps still to be filed), and"
                                + " its quota is %d. Name fewer further targets, or decommission or cancel %d first")
                        .formatted(steps, team, held, blueprint, quota, held + steps - quota),
                quota);
    }
}
