package io.vendo.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A template that CloudFormation would refuse, or that Vendo cannot offer as a form. */
public class InvalidTemplateException extends ErrorResponseException {

    public InvalidTemplateException(String detail) {
        super(HttpStatus.BAD_REQUEST, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid template");
        return problem;
    }
}
