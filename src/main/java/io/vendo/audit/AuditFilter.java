package io.vendo.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/**
 * What to look for in the audit log; blank or null parts match everything.
 *
 * @param action a prefix, e.g. {@code approval.} for everything about approvals
 */
@NamedInterface("records")
public record AuditFilter(String actor, String action, String subject, @Nullable Instant from, @Nullable Instant to) {

    public AuditFilter {
        actor = actor == null ? "" : actor.strip();
        action = action == null ? "" : action.strip();
        subject = subject == null ? "" : subject.strip();
    }
}
