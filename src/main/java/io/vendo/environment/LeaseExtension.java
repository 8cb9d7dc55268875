package io.vendo.environment;

import io.vendo.request.RequestEvent.RequestApproved;
import io.vendo.request.RequestProgress;
import io.vendo.request.Requests;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Carries out approved EXTEND requests: the lease moves, nothing in AWS changes. The request is told through the
 * contracts it declares ({@link RequestProgress}) and ends SUCCEEDED in the transaction that moves the lease; a
 * redelivered approval finds the environment no longer busy with the request and changes nothing.
 */
@Component
class LeaseExtension {

    private final EnvironmentRepository repository;
    private final Requests requests;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeaseExtension(EnvironmentRepository repository, Requests requests, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Only an approved EXTEND. The condition is evaluated before the event publication registry stores anything, so the
     * approval of every other request costs no publication (an insert, two bookkeeping transactions
     * and an empty one of the listener's own).
     */
    @ApplicationModuleListener(
            condition =
                    "#approved.kind() == T(io.vendo.request.RequestKind).EXTEND and #approved.environmentId() != null")
    void on(RequestApproved approved) {
        var environmentId = Objects.requireNonNull(approved.environmentId());
        var request = requests.require(approved.requestId());
        var expiresAt = request.requestedExpiry();
        if (expiresAt == null) {
            throw new IllegalStateException("EXTEND request %s asks for no expiry".formatted(request.id()));
        }
        var environment =
                repository.lockById(environmentId).orElseThrow(() -> new EnvironmentNotFoundException(environmentId));
        if (!environment.extend(request.id(), expiresAt, approved.actor(), clock.instant())) {
            return;
        }
        repository.save(environment);
        events.publishEvent(new Started(request.id(), "Extend lease to " + expiresAt));
        events.publishEvent(new Extended(request.id(), Map.of("ExpiresAt", expiresAt.toString())));
    }

    record Started(UUID requestId, String operation) implements RequestProgress.ExecutionStarted {}

    record Extended(UUID requestId, Map<String, String> outputs) implements RequestProgress.ExecutionSucceeded {

        @Override
        public Map<String, String> handles() {
            return Map.of();
        }
    }
}
