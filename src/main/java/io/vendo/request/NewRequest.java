package io.vendo.request;

import io.vendo.catalog.BlueprintVersionDetails;
import io.vendo.catalog.TargetDetails;
import io.vendo.identity.Actor;
import java.util.Map;

/** A validated submission: the pinned blueprint version, the target and the effective parameter values. */
record NewRequest(
        BlueprintVersionDetails blueprint,
        TargetDetails target,
        Map<String, String> parameters,
        String justification,
        Actor requester) {}
