package io.vendo.web;

import io.vendo.refusal.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The one place where the modules' refusals become HTTP: a status for each kind of refusal, and the refusal as RFC
 * 9457 problem details ({@link ApiProblemHandler}, for the API) or as an error page ({@link PageErrors}, for people),
 * with the same status, title and detail either way.
 */
public final class RefusalAnswers {

    private RefusalAnswers() {}

    public static HttpStatus status(Refusal refusal) {
        return switch (refusal.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_ALLOWED -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case GONE -> HttpStatus.GONE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** The refusal's facts become the problem's extension members (e.g. {@code errors}, {@code state}). */
    static ProblemDetail problem(Refusal refusal) {
        var problem = ProblemDetail.forStatusAndDetail(status(refusal), refusal.detail());
        problem.setTitle(refusal.title());
        refusal.facts().forEach(problem::setProperty);
        return problem;
    }
}
