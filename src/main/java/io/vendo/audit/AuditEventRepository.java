package io.vendo.audit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface AuditEventRepository extends Repository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

    AuditEvent save(AuditEvent event);

    /** The hash the next row chains to; none for an empty log. */
    @Query(value = "select hash from audit_event order by id desc limit 1", nativeQuery = true)
    Optional<String> latestHash();

    /** Serialises appends so that each row chains to the one before it, across replicas. */
    @Query(value = "select 1 from pg_advisory_xact_lock(hashtext('audit_event_chain'))", nativeQuery = true)
    int lockChain();

    /** Ordered by when it happened: events of one transaction are recorded concurrently, in any order. */
    List<AuditEvent> findBySubjectIdOrderByOccurredAtAscIdAsc(String subjectId);

    /** The log in append order, a page at a time, for verification. */
    List<AuditEvent> findTop1000ByIdGreaterThanOrderByIdAsc(long afterId);
}
