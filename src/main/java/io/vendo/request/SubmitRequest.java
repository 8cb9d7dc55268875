package io.vendo.request;

import java.util.Map;

/** What a requester submits, by the blueprint's and the target's slugs; the newest blueprint version is pinned. */
public record SubmitRequest(String blueprint, String target, Map<String, String> parameters, String justification) {

    public SubmitRequest {
        parameters = Map.copyOf(parameters);
    }
}
