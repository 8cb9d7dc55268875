package io.vendo.environment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where an environment is in its life, and why when that needs saying: what a failed day-2 request left, what a
 * decommissioning kept, how many resources a drift check found differing.
 */
@Embeddable
record Condition(
        @Enumerated(EnumType.STRING) @Column(name = "status", nullable = false) EnvironmentStatus status,
        @Column(name = "status_reason") @Nullable String reason) {

    static Condition of(EnvironmentStatus status) {
        return new Condition(status, null);
    }

    /**
     * What a drift check's answer makes of it. A steady environment is DRIFTED while resources differ from its
     * template, and ACTIVE again once a check finds them in sync (an UPDATE that reconciles them is followed by such a
     * check). One that a day-2 request is changing, or that failed, keeps its condition: what the request ends with
     * says more.
     *
     * @param resources how many resources differ, when it drifted
     * @return empty when the answer changes nothing
     */
    Optional<Condition> afterDriftCheck(boolean drifted, int resources) {
        if (drifted && status.steady()) {
            return Optional.of(new Condition(
                    EnvironmentStatus.DRIFTED,
                    "%d resource%s differ%s from the template (drift check)"
                            .formatted(resources, resources == 1 ? "" : "s", resources == 1 ? "s" : "")));
        }
        if (!drifted && status == EnvironmentStatus.DRIFTED) {
            return Optional.of(of(EnvironmentStatus.ACTIVE));
        }
        return Optional.empty();
    }
}
