package io.vendo.web;

import java.sql.SQLException;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The answer when a write lost a race: optimistic locking turned it away because someone else changed the same thing
 * first, or a unique key (or a reference) says someone stored the same thing at the same moment. The transaction
 * rolled back whole, so nothing of the losing write is stored, and the caller may simply look again.
 */
final class ConcurrentChange {

    /** PostgreSQL's unique_violation and foreign_key_violation: another writer got there first. */
    private static final Set<String> RACE_STATES = Set.of("23505", "23503");

    private ConcurrentChange() {}

    /** Whether a refused write lost a race rather than broke a rule that no retry can meet. */
    static boolean lostRace(DataIntegrityViolationException refused) {
        if (refused instanceof DuplicateKeyException) {
            return true;
        }
        for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && RACE_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    static ProblemDetail problem() {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "Someone changed this at the same moment; reload it and try again.");
        problem.setTitle("Concurrent change");
        return problem;
    }
}
