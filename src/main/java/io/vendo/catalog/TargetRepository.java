package io.vendo.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface TargetRepository extends Repository<Target, UUID> {

    Target save(Target target);

    Optional<Target> findBySlug(String slug);

    Optional<Target> findById(UUID id);

    List<Target> findAllByOrderByNameAsc();
}
