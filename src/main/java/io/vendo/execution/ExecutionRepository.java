package io.vendo.execution;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface ExecutionRepository extends Repository<Execution, UUID> {

    Execution save(Execution execution);

    Optional<Execution> findById(UUID requestId);
}
