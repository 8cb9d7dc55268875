package io.vendo.request;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * NoEcho values between the request form and its review: the review page carries them encrypted (the same AES-GCM
 * key as stored requests, bound to the form's token and the parameter's name), so that no page ever holds a secret
 * in clear and a value cannot be moved to another form or parameter.
 */
@Component
@NamedInterface(name = "forms", propagate = false)
public class DraftSecrets {

    private final SecretParameters secrets;

    DraftSecrets(SecretParameters secrets) {
        this.secrets = secrets;
    }

    /** @throws SecretParametersUnavailableException when no key is configured */
    public String seal(String formToken, String parameter, String value) {
        return secrets.seal(draft(formToken), parameter, value);
    }

    /** The value sealed for this form and parameter; empty when it was sealed for another, or altered. */
    public Optional<String> open(String formToken, String parameter, String sealed) {
        try {
            return Optional.of(secrets.open(draft(formToken), parameter, sealed));
        } catch (IllegalStateException | IllegalArgumentException notThisFormsValue) {
            return Optional.empty();
        }
    }

    /** A form's own id, never the id of a request (those are random; these are derived from the token). */
    private static UUID draft(String formToken) {
        return UUID.nameUUIDFromBytes(("request-form:" + formToken).getBytes(StandardCharsets.UTF_8));
    }
}
