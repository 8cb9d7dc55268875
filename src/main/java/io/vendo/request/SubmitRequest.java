package io.vendo.request;

import io.vendo.catalog.StackSetChoice;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * What a requester submits, by the blueprint's and the target's slugs; the newest blueprint version is pinned.
 *
 * @param promotion further targets' slugs, in order: each gets the same version and values once the step before it
 *     succeeded, under its own approval; empty for an ordinary request
 * @param stackSet the organizational units and regions a STACK_SET request chose; {@link StackSetChoice#NONE} leaves
 *     them to the blueprint
 */
@NamedInterface("views")
public record SubmitRequest(
        String blueprint,
        String target,
        Map<String, String> parameters,
        String justification,
        List<String> promotion,
        StackSetChoice stackSet) {

    public SubmitRequest {
        parameters = Map.copyOf(parameters);
        promotion = List.copyOf(promotion);
    }

    public SubmitRequest(
            String blueprint,
            String target,
            Map<String, String> parameters,
            String justification,
            List<String> promotion) {
        this(blueprint, target, parameters, justification, promotion, StackSetChoice.NONE);
    }

    public SubmitRequest(String blueprint, String target, Map<String, String> parameters, String justification) {
        this(blueprint, target, parameters, justification, List.of());
    }
}
