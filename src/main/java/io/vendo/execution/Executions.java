package io.vendo.execution;

import io.vendo.identity.Actor;
import io.vendo.request.Requests;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of request executions for the pages: only for people who may see the request. */
@Service
@Transactional(readOnly = true)
class Executions {

    private final Requests requests;
    private final ExecutionRepository executions;
    private final ComponentRunRepository components;

    Executions(Requests requests, ExecutionRepository executions, ComponentRunRepository components) {
        this.requests = requests;
        this.executions = executions;
        this.components = components;
    }

    /**
     * A composite request's components in the order they start (empty for other requests, and before it runs).
     *
     * @throws io.vendo.request.RequestNotFoundException when the viewer may not see the request
     */
    java.util.List<ComponentView> components(UUID requestId, Actor viewer) {
        requests.get(requestId, viewer);
        return components.findByRequestIdOrderByPositionAsc(requestId).stream()
                .map(ComponentRun::toView)
                .toList();
    }

    /** @throws io.vendo.request.RequestNotFoundException when the viewer may not see the request */
    Optional<ExecutionView> of(UUID requestId, Actor viewer) {
        requests.get(requestId, viewer);
        return executions.findById(requestId).map(Execution::toView);
    }
}
