package io.vendo.execution;

/** Whether AWS is configured. Implemented by the {@code aws} module. */
public interface AwsAvailability {

    /** False when no AWS is configured: executors then render their calls and end the request in DRY_RUN. */
    boolean live();
}
