package io.vendo.environment.drift;

import org.jspecify.annotations.Nullable;

/** A drift call that failed, with AWS's code and whether trying again may help. */
public class DriftDetectionException extends RuntimeException {

    /** What a drift check does about the failure. */
    public enum Retry {
        /** AWS throttles or is busy: wait and try again, without counting an attempt. */
        WHEN_AWS_IS_FREE,
        /** Probably transient (5xx, connection trouble): try again a few times. */
        LIMITED,
        /** Permanent (the stack does not exist, access denied): the check fails with AWS's reason. */
        NEVER
    }

    private final @Nullable String code;
    private final Retry retry;

    public DriftDetectionException(String message, @Nullable String code, Retry retry, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retry = retry;
    }

    public @Nullable String code() {
        return code;
    }

    public Retry retry() {
        return retry;
    }
}
