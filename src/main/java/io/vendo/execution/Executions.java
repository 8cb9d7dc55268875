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

    Executions(Requests requests, ExecutionRepository executions) {
        this.requests = requests;
        this.executions = executions;
    }

    /** @throws io.vendo.request.RequestNotFoundException when the viewer may not see the request */
    Optional<ExecutionView> of(UUID requestId, Actor viewer) {
        requests.get(requestId, viewer);
        return executions.findById(requestId).map(Execution::toView);
    }
}
