package io.vendo.request;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The template has NoEcho parameters, but this portal has no key to store their values encrypted. */
public class SecretParametersUnavailableException extends ErrorResponseException {

    SecretParametersUnavailableException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null);
    }

    private static ProblemDetail problem() {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "This blueprint has NoEcho (secret) parameters and the portal has no key to store them encrypted: "
                        + "an administrator must set vendo.request.secret-key");
        problem.setTitle("Secret parameters unavailable");
        return problem;
    }
}
