package io.vendo.request;

import io.vendo.refusal.Refusal;
import java.util.Map;

/** A team that already has as many active requests of a blueprint as the blueprint's quota allows. */
class QuotaExceededException extends Refusal {

    QuotaExceededException(String blueprint, String team, int quota) {
        super(
                Kind.CONFLICT,
                "Quota reached",
                ("Team %s already has %d environment(s) or pending request(s) of blueprint %s, its quota: "
                                + "decommission or cancel one first")
                        .formatted(team, quota, blueprint),
                Map.of("quota", quota));
    }
}
