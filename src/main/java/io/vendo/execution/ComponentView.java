package io.vendo.execution;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One component of a composite request as its page shows it.
 *
 * @param parameters the values its stack was given, NoEcho ones masked
 * @param events what happened to it, oldest first: started, AWS statuses, succeeded or failed
 */
record ComponentView(
        String name,
        int position,
        String source,
        List<String> dependsOn,
        String state,
        int attempt,
        Map<String, String> parameters,
        Map<String, String> outputs,
        List<String> events,
        @Nullable String stackName,
        @Nullable String stackId,
        @Nullable String reason,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {}
