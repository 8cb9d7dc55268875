package io.vendo.environment;

/** Why a drift check ran. */
public enum DriftCheckTrigger {
    /** Someone asked, on the environment's page or through the API. */
    ON_DEMAND,
    /** The drift schedule found the environment's last check too old ({@code vendo.environment.drift.every}). */
    SCHEDULED,
    /** An UPDATE request succeeded: the check tells whether it reconciled what had drifted. */
    AFTER_UPDATE
}
