package io.vendo.execution.stack;

import io.vendo.execution.AwsTarget;
import java.util.UUID;

/**
 * Everything needed to delete an environment's stack for one DECOMMISSION request. The stack is named by its id (a
 * deleted stack is found by its id only); the token derives from the request id, so every retry, restart or second
 * replica sends the same DeleteStack, and the stack's events carry it.
 *
 * @param terminationProtection whether the stack's tier is protected: its protection is turned off first
 */
public record StackDeletionSpec(
        UUID requestId, String stackId, String deleteToken, boolean terminationProtection, AwsTarget target) {}
