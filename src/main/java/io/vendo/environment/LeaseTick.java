package io.vendo.environment;

import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One look at the leases that may need something now: owners of leases about to end are reminded. Each environment is
 * handled in a transaction of its own, conditional on its version, so a reminder is sent once however often it looks.
 */
@Component
class LeaseTick {

    private static final Logger log = LoggerFactory.getLogger(LeaseTick.class);

    private final EnvironmentRepository repository;
    private final LeaseProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LeaseTick(
            EnvironmentRepository repository,
            LeaseProperties properties,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    void run() {
        var now = clock.instant();
        for (var id : repository.leasesDueBy(now.plus(properties.horizon()))) {
            transaction.executeWithoutResult(status -> remind(id));
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
