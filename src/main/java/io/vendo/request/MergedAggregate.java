package io.vendo.request;

import java.util.UUID;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.domain.Persistable;

/**
 * An aggregate that Spring Data always merges, also a new one ({@link #isNew} is false). A listener in the transaction
 * that saves a new request and loads it again (the auto-approval moves it on at once) gets the persistence context's
 * copy, whose events do not mix with those of the saved instance while Spring Data publishes them: persisting would
 * make both one instance, and Spring Data refuses events added to an aggregate during their publication. The merge
 * reads nothing first when the aggregate's version is null (a new one): Hibernate knows it is new and inserts it.
 */
abstract class MergedAggregate<A extends AbstractAggregateRoot<A>> extends AbstractAggregateRoot<A>
        implements Persistable<UUID> {

    @Override
    public boolean isNew() {
        return false;
    }
}
