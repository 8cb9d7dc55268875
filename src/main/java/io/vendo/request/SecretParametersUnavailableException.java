package io.vendo.request;

import io.vendo.refusal.Refusal;

/** The template has NoEcho parameters, but this portal has no key to store their values encrypted. */
class SecretParametersUnavailableException extends Refusal {

    SecretParametersUnavailableException() {
        super(
                Kind.UNAVAILABLE,
                "Secret parameters unavailable",
                "This blueprint has NoEcho (secret) parameters and the portal has no key to store them encrypted: "
                        + "an administrator must set vendo.request.secret-key");
    }
}
