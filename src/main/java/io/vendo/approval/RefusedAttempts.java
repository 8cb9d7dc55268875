package io.vendo.approval;

import io.vendo.approval.ApprovalEvent.DecisionRefused;
import io.vendo.identity.Actor;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every refused attempt to decide is audited ({@code approval.refused}), in a transaction of its own: the refused
 * attempt's transaction rolls back, and the record of it must not go with it.
 */
@Component
class RefusedAttempts {

    private final ApplicationEventPublisher events;
    private final TransactionTemplate separateTransaction;
    private final Clock clock;

    RefusedAttempts(ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock) {
        this.events = events;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    void record(UUID requestId, Actor actor, DecisionChannel channel, String source, String reason) {
        separateTransaction.executeWithoutResult(status -> events.publishEvent(new DecisionRefused(
                UUID.randomUUID(), requestId, clock.instant(), actor.username(), channel, reason, source)));
    }
}
