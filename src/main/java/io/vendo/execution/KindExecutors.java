package io.vendo.execution;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every kind's executor, found by what a job is: its blueprint and its request's kind. Resolved lazily, as the
 * COMPOSITE executors are kinds that find the STACK executors here for their components.
 */
@Component
class KindExecutors {

    private final ObjectProvider<KindExecutor<?>> kinds;

    KindExecutors(ObjectProvider<KindExecutor<?>> kinds) {
        this.kinds = kinds;
    }

    /** The executor of the job's blueprint and request kind, with the job's spec. */
    KindExecutor.Bound<?> bind(Job job) {
        return kinds.orderedStream()
                .filter(kind -> kind.handles(job.blueprint()) && kind.requestKind() == job.kind())
                .findFirst()
                .<KindExecutor.Bound<?>>map(kind -> kind.bind(job))
                .orElseThrow(() -> new IllegalStateException("No executor for %s of %s blueprint %s"
                        .formatted(
                                job.kind(),
                                job.blueprint().kind(),
                                job.blueprint().slug())));
    }
}
