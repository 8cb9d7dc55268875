package io.vendo.environment;

import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One look at the leases that may need something now: owners of leases about to end are reminded, and ended leases are
 * decommissioned ({@link LeaseExpiry}). Each environment is handled in transactions of its own, conditional on its
 * version, so a reminder is sent and a request filed once however often it looks.
 */
@Component
class LeaseTick {

    private static final Logger log = LoggerFactory.getLogger(LeaseTick.class);

    private final EnvironmentRepository repository;
    private final LeaseProperties properties;
    private final TransactionTemplate transaction;
    private final LeaseExpiry expiry;
    private final Clock clock;

    LeaseTick(
            EnvironmentRepository repository,
            LeaseProperties properties,
            PlatformTransactionManager transactionManager,
            LeaseExpiry expiry,
            Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        this.expiry = expiry;
        this.clock = clock;
    }

    void run() {
        var now = clock.instant();
        for (var id : repository.leasesDueBy(now.plus(properties.horizon()))) {
            try {
                transaction.executeWithoutResult(status -> remind(id));
                expiry.expireIfDue(id);
            } catch (RuntimeException e) {
                // One environment that cannot be handled now holds back no other; the next look tries it again.
                log.error("Environment {}: its lease could not be handled, trying again at the next look", id, e);
            }
        }
    }

    private void remind(UUID id) {
        repository.findById(id).ifPresent(environment -> {
            var due = environment.remindIfDue(properties.reminders(), clock.instant());
            if (due.isPresent()) {
                repository.save(environment);
                log.info("Environment {}: lease ends within {}, owner reminded", id, due.get());
            }
        });
    }
}
