package io.vendo.execution;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface StackExecutionRepository extends Repository<StackExecution, UUID> {

    StackExecution save(StackExecution execution);

    Optional<StackExecution> findById(UUID requestId);
}
