package io.vendo.execution;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface ComponentRunRepository extends Repository<ComponentRun, UUID> {

    ComponentRun save(ComponentRun component);

    List<ComponentRun> findByRequestIdOrderByPositionAsc(UUID requestId);
}
