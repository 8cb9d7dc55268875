package io.vendo.execution;

import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * An AWS call that failed, with AWS's error code. Throttled ones (throttling, {@code TooManyRequestsException}, another
 * Control Tower operation in progress) wait with backoff for as long as the request may run; transient ones (5xx,
 * connection trouble) are retried a limited number of times; the others end the request in FAILED with AWS's code and
 * message.
 */
@NamedInterface("provisioning")
public class ProvisioningException extends RuntimeException {

    /** How the executor reacts to the failure. */
    public enum Retry {
        /** AWS is busy or throttles: wait and try again, without counting towards the attempt limit. */
        WHEN_AWS_IS_FREE,
        /** Probably transient: try again a limited number of times. */
        LIMITED,
        /** Permanent: the request fails. */
        NEVER
    }

    private final @Nullable String code;
    private final Retry retry;

    public ProvisioningException(String message, @Nullable String code, Retry retry, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retry = retry;
    }

    /** A refusal Vendo makes itself, after what AWS answered (no exception from AWS to carry). */
    public ProvisioningException(String message, @Nullable String code, Retry retry) {
        super(message);
        this.code = code;
        this.retry = retry;
    }

    public ProvisioningException(String message, boolean retryable, Throwable cause) {
        this(message, null, retryable ? Retry.LIMITED : Retry.NEVER, cause);
    }

    public boolean retryable() {
        return retry != Retry.NEVER;
    }

    public Retry retry() {
        return retry;
    }

    /** AWS's error code, e.g. {@code ThrottlingException}; null for failures that never reached AWS. */
    public @Nullable String code() {
        return code;
    }
}
