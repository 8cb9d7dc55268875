package io.vendo.execution;

import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/** Whether AWS is configured, and reachable. Implemented by the {@code aws} module. */
@NamedInterface("provisioning")
public interface AwsAvailability {

    /** False when no AWS is configured: executors then render their calls and end the request in DRY_RUN. */
    boolean live();

    /**
     * Why AWS, although configured, cannot be reached now (its credentials do not resolve, STS refuses them): the
     * executor then waits instead of calling. Empty when it can, or in a dry run.
     */
    Optional<String> unreachable();
}
