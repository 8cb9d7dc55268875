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
        actor = actor.strip();
        action = action.strip();
        subject = subject.strip();
    }

    /** A filter from what a client left out or gave: what is missing matches everything. */
    public static AuditFilter of(
            @Nullable String actor,
            @Nullable String action,
            @Nullable String subject,
            @Nullable Instant from,
            @Nullable Instant to) {
        return new AuditFilter(
                actor == null ? "" : actor, action == null ? "" : action, subject == null ? "" : subject, from, to);
    }
}
