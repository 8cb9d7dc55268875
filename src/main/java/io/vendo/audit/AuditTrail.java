package io.vendo.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log. */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

    private final AuditEventRepository repository;

    AuditTrail(AuditEventRepository repository) {
        this.repository = repository;
    }

    /**
     * Recomputes every row's hash in append order and checks that each links to the one before; an altered, removed
     * or inserted row breaks the chain at that row. Each page is read in a transaction of its own, so the rows
     * already checked do not pile up in memory however long the log is.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ChainVerification verify() {
        var previousHash = AuditHash.GENESIS;
        long checked = 0;
        long lastId = 0;
        while (true) {
            var page = repository.findTop1000ByIdGreaterThanOrderByIdAsc(lastId);
            if (page.isEmpty()) {
                return new ChainVerification(checked, null);
            }
            for (var row : page) {
                checked++;
                if (!row.intactAfter(previousHash)) {
                    return new ChainVerification(checked, row.id());
                }
                previousHash = row.hash();
                lastId = row.id();
            }
        }
    }

    /** The newest entries matching every given filter (blank filters match all), newest first, at most {@code limit}. */
    public List<AuditRecord> search(AuditFilter filter, int limit) {
        return search(filter, null, limit);
    }

    /**
     * Like {@link #search(AuditFilter, int)}, continuing below {@code beforeId}: the id of the last entry of the
     * previous page (ids only grow, so newest first is id descending, and no entry is skipped or repeated).
     */
    public List<AuditRecord> search(AuditFilter filter, @Nullable Long beforeId, int limit) {
        Specification<AuditEvent> matching = (root, query, cb) -> cb.conjunction();
        if (!filter.actor().isBlank()) {
            matching = matching.and((root, query, cb) -> cb.equal(root.get("actor"), filter.actor()));
        }
        if (!filter.action().isBlank()) {
            matching = matching.and((root, query, cb) -> cb.like(root.get("action"), filter.action() + "%"));
        }
        if (!filter.subject().isBlank()) {
            matching = matching.and((root, query, cb) -> cb.equal(root.get("subjectId"), filter.subject()));
        }
        if (filter.from() != null) {
            matching =
                    matching.and((root, query, cb) -> cb.greaterThanOrEqualTo(root.get("occurredAt"), filter.from()));
        }
        if (filter.to() != null) {
            matching = matching.and((root, query, cb) -> cb.lessThan(root.get("occurredAt"), filter.to()));
        }
        if (beforeId != null) {
            matching = matching.and((root, query, cb) -> cb.lessThan(root.get("id"), beforeId));
        }
        // No count query: a page needs its rows, not how many match in total.
        return repository
                .findBy(matching, query -> query.sortBy(Sort.by(Sort.Direction.DESC, "id"))
                        .limit(limit)
                        .all())
                .stream()
                .map(AuditEvent::toRecord)
                .toList();
    }

    /** Everything recorded about one subject, oldest first. */
    public List<AuditEntry> timeline(String subjectId) {
        return repository.findBySubjectIdOrderByOccurredAtAscIdAsc(subjectId).stream()
                .map(AuditEvent::toEntry)
                .toList();
    }
}
