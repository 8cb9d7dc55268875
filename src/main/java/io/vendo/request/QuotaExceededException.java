package io.vendo.request;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A team that already has as many active requests of a blueprint as the blueprint's quota allows. */
public class QuotaExceededException extends ErrorResponseException {

    QuotaExceededException(String blueprint, String team, int quota) {
        super(HttpStatus.CONFLICT, problem(blueprint, team, quota), null);
    }

    private static ProblemDetail problem(String blueprint, String team, int quota) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                ("Team %s already has %d active request(s) of blueprint %s, its quota: decommission or cancel one "
                                + "first")
                        .formatted(team, quota, blueprint));
        problem.setTitle("Quota reached");
        problem.setProperty("quota", quota);
        return problem;
    }
}
