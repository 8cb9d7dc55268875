package io.vendo.request;

import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.TargetDetails;
import io.vendo.identity.Actor;
import java.util.Map;
import java.util.UUID;

/**
 * A validated submission: the pinned blueprint version, the target and the effective parameter values, NoEcho ones
 * apart and already encrypted.
 */
record NewRequest(
        UUID id,
        BlueprintVersionDetails blueprint,
        TargetDetails target,
        Map<String, String> parameters,
        Map<String, String> secretParameters,
        String justification,
        Actor requester) {}
