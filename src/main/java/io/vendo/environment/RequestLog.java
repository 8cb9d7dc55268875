package io.vendo.environment;

import io.vendo.request.RequestKind;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * The requests that acted on an environment, in the order they came, and the day-2 request it is busy with: one at a
 * time, so that two never change it at once. Only the request it is busy with can end its being busy.
 */
@Embeddable
class RequestLog {

    @Column(name = "busy_with")
    private @Nullable UUID busyWith;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "history", nullable = false)
    private List<HistoryEntry> history = new ArrayList<>();

    protected RequestLog() {}

    /** Starts with the PROVISION request that made the environment, when it succeeded. */
    RequestLog(UUID provisionRequest, Instant at) {
        history.add(new HistoryEntry(provisionRequest, RequestKind.PROVISION, at));
    }

    /** @throws DayTwoRefusedException when the environment is busy with a day-2 request already */
    void refuseUnlessFree(UUID environment) {
        if (busyWith != null) {
            throw DayTwoRefusedException.busy(environment, busyWith);
        }
    }

    /** Busy with this day-2 request from now on. */
    void begin(UUID requestId, RequestKind kind, Instant at) {
        busyWith = requestId;
        history.add(new HistoryEntry(requestId, kind, at));
    }

    /** @return whether it was busy with this request (and is free now); one it is not busy with changes nothing */
    boolean end(UUID requestId) {
        if (!isBusyWith(requestId)) {
            return false;
        }
        busyWith = null;
        return true;
    }

    boolean isBusyWith(UUID requestId) {
        return requestId.equals(busyWith);
    }

    @Nullable
    UUID busyWith() {
        return busyWith;
    }

    List<HistoryEntry> history() {
        return List.copyOf(history);
    }
}
