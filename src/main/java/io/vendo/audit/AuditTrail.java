package io.vendo.audit;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log. */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

    private final AuditEventRepository repository;

    AuditTrail(AuditEventRepository repository) {
        this.repository = repository;
    }

    /** Everything recorded about one subject, oldest first. */
    public List<AuditEntry> timeline(String subjectId) {
        return repository.findBySubjectIdOrderByOccurredAtAscIdAsc(subjectId).stream()
                .map(AuditEvent::toEntry)
                .toList();
    }
}
