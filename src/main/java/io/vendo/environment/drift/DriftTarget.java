package io.vendo.environment.drift;

import io.vendo.catalog.TargetDetails;

/**
 * The stack a drift check asks about, and where it stands.
 *
 * @param stackId the stack's id (ARN), as its PROVISION request recorded it
 */
public record DriftTarget(String stackId, TargetDetails target) {}
