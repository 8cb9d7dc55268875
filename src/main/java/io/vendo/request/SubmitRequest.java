package io.vendo.request;

import java.util.Map;
import org.springframework.modulith.NamedInterface;

/** What a requester submits, by the blueprint's and the target's slugs; the newest blueprint version is pinned. */
@NamedInterface("views")
public record SubmitRequest(String blueprint, String target, Map<String, String> parameters, String justification) {

    public SubmitRequest {
        parameters = Map.copyOf(parameters);
    }
}
