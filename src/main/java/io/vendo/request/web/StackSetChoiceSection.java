package io.vendo.request.web;

import io.vendo.identity.Actor;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where a StackSet request that chose its deployment targets goes, on its page: the organizational units and regions it
 * chose, shown before anyone decides (approvers read it there) and after.
 */
@Component
class StackSetChoiceSection implements RequestPageSection {

    private final Requests requests;

    StackSetChoiceSection(Requests requests) {
        this.requests = requests;
    }

    /** First among the parts: where it deploys is what approvers read before anything else. */
    @Override
    public int order() {
        return 4;
    }

    @Override
    public Optional<Part> read(RequestView request, Actor viewer) {
        return requests.stackSetChoiceOf(request.id())
                .map(choice -> new Part(
                        "request/stackset-choice :: section",
                        Map.of("units", choice.organizationalUnits(), "regions", choice.regions()),
                        // What a request chose never changes.
                        "chosen"));
    }
}
