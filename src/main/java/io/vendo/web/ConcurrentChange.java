package io.vendo.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The answer when optimistic locking turned a write away because someone else changed the same thing first. */
final class ConcurrentChange {

    private ConcurrentChange() {}

    static ProblemDetail problem() {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "Someone changed this at the same moment; reload it and try again.");
        problem.setTitle("Concurrent change");
        return problem;
    }
}
