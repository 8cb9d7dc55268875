package io.vendo.request.web;

import io.vendo.audit.AuditEntry;
import io.vendo.audit.AuditTrail;
import io.vendo.digest.Sha256;
import io.vendo.identity.Actor;
import io.vendo.request.RequestState;
import io.vendo.request.RequestView;
import io.vendo.request.Requests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a request's page in one read-only transaction on one snapshot of the database (repeatable read): the request,
 * the approval, the execution, the queue and the timeline are seen as they were at the same moment, so no part of the
 * page can still show a state that another part has left.
 */
@Component
class RequestPages {

    /** While one of these, the requester may still withdraw the request: nothing has been sent to AWS. */
    private static final EnumSet<RequestState> CANCELLABLE =
            EnumSet.of(RequestState.PENDING_APPROVAL, RequestState.APPROVED);

    private final Requests requests;
    private final AuditTrail auditTrail;
    private final List<RequestPageSection> sections;
    private final RequestPageSettings settings;
    private final TransactionTemplate snapshot;

    RequestPages(
            Requests requests,
            AuditTrail auditTrail,
            List<RequestPageSection> sections,
            RequestPageSettings settings,
            PlatformTransactionManager transactions) {
        this.requests = requests;
        this.auditTrail = auditTrail;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(RequestPageSection::order))
                .toList();
        this.settings = settings;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** @throws io.vendo.request.RequestNotFoundException also when the viewer may not see the request */
    RequestPage read(UUID id, Actor viewer) {
        return snapshot.execute(status -> {
            var request = requests.get(id, viewer);
            var timeline = auditTrail.timeline(id.toString());
            var parts = sections.stream()
                    .flatMap(section -> section.read(request, viewer).stream())
                    .toList();
            var mayCancel =
                    CANCELLABLE.contains(request.state()) && request.requester().equals(viewer.username());
            var version = new ArrayList<String>();
            version.add(viewer.username());
            version.add(request.state().name());
            version.add(request.updatedAt().toString());
            version.add(timelineVersion(timeline));
            version.add(String.valueOf(mayCancel));
            parts.forEach(part -> version.add(part.fragment() + "=" + part.version()));
            var etag = "W/\"" + Sha256.hex(String.join("\n", version)).substring(0, 20) + "\"";
            var follows = new LinkedHashSet<UUID>();
            if (!request.state().terminal()) {
                follows.add(request.id());
            }
            parts.forEach(part -> follows.addAll(part.follows()));
            return new RequestPage(
                    request,
                    timeline,
                    parts,
                    mayCancel,
                    etag,
                    Set.copyOf(follows),
                    follows.isEmpty() ? null : refresh(request),
                    RequestStates.inWords(request.state()));
        });
    }

    /**
     * An ended request's page that still follows others (a promotion's next step, which may wait days for its
     * approval) looks as seldom as a pending one: the stream tells it of every change at once.
     */
    private String refresh(RequestView request) {
        return switch (request.state()) {
            case APPROVED, IN_PROGRESS, ABANDONING -> seconds(settings.runningRefresh(), settings.runningRefreshMax());
            case PENDING_APPROVAL, SUCCEEDED, FAILED, REJECTED, CANCELLED, EXPIRED, DRY_RUN, ABANDONED ->
                seconds(settings.pendingRefresh(), settings.pendingRefreshMax());
        };
    }

    private static String seconds(Duration min, Duration max) {
        return decimal(min) + "," + decimal(max);
    }

    /** Seconds with up to three decimals, for the page's timers (tests run them in fractions of a second). */
    private static String decimal(Duration duration) {
        return java.math.BigDecimal.valueOf(duration.toMillis(), 3)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String timelineVersion(List<AuditEntry> timeline) {
        return timeline.isEmpty()
                ? "0"
                : timeline.size() + "@" + timeline.getLast().occurredAt();
    }
}
