package io.vendo.execution;

/**
 * An AWS call that failed. Retryable ones (throttling, 5xx, connection trouble) are tried again later with
 * backoff; the others end the request in FAILED with AWS's code and message.
 */
public class ProvisioningException extends RuntimeException {

    private final boolean retryable;

    public ProvisioningException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
