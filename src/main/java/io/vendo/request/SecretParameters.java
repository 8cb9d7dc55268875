package io.vendo.request;

import io.vendo.catalog.ParameterDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts NoEcho parameter values for storage and decrypts them for the executor only: AES-256-GCM with a random
 * 96-bit nonce per value, and the request id and parameter name as associated data, so a ciphertext cannot be moved
 * to another request or parameter. Stored as {@code v1:} + Base64(nonce ‖ ciphertext ‖ tag).
 */
@Component
class SecretParameters {

    private static final Logger log = LoggerFactory.getLogger(SecretParameters.class);
    private static final String VERSION = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final @Nullable SecretKey key;
    private final SecureRandom random = new SecureRandom();

    SecretParameters(RequestProperties properties) {
        this.key = key(properties);
        if (key == null) {
            log.warn("No vendo.request.secret-key: requests for templates with NoEcho parameters will be refused");
        }
    }

    /** The names of the form's NoEcho parameters: their values are stored sealed. */
    static Set<String> noEcho(List<ParameterDefinition> parameters) {
        return parameters.stream()
                .filter(ParameterDefinition::noEcho)
                .map(ParameterDefinition::name)
                .collect(Collectors.toSet());
    }

    /**
     * A new request's values as they are stored: the NoEcho ones sealed for it, the others as they are.
     *
     * @throws SecretParametersUnavailableException when there are NoEcho values and no key is configured
     */
    Stored store(UUID requestId, Map<String, String> values, Set<String> noEcho) {
        var ordinary = new LinkedHashMap<String, String>();
        var sealed = new LinkedHashMap<String, String>();
        values.forEach((name, value) -> {
            if (noEcho.contains(name)) {
                sealed.put(name, seal(requestId, name, value));
            } else {
                ordinary.put(name, value);
            }
        });
        return new Stored(ordinary, sealed);
    }

    record Stored(Map<String, String> ordinary, Map<String, String> sealed) {}

    /** Every value of the request, its NoEcho ones decrypted: never to show, log or store. */
    Map<String, String> values(VendingRequest request) {
        var values = new LinkedHashMap<>(request.toView().parameters());
        request.secretParameters()
                .forEach((name, ciphertext) -> values.put(name, open(request.getId(), name, ciphertext)));
        return values;
    }

    /** @throws SecretParametersUnavailableException when no key is configured */
    String seal(UUID requestId, String parameter, String value) {
        var cipher = cipher(Cipher.ENCRYPT_MODE, requestId, parameter, null);
        try {
            var nonce = cipher.getIV();
            var ciphertext = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            var stored = new byte[nonce.length + ciphertext.length];
            System.arraycopy(nonce, 0, stored, 0, nonce.length);
            System.arraycopy(ciphertext, 0, stored, nonce.length, ciphertext.length);
            return VERSION + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** @throws IllegalStateException when the value was encrypted with another key or for another request */
    String open(UUID requestId, String parameter, String ciphertext) {
        if (!ciphertext.startsWith(VERSION)) {
            throw new IllegalStateException(
                    "Secret parameter %s of request %s is not in a known format".formatted(parameter, requestId));
        }
        var stored = Base64.getDecoder().decode(ciphertext.substring(VERSION.length()));
        var nonce = new byte[NONCE_BYTES];
        System.arraycopy(stored, 0, nonce, 0, NONCE_BYTES);
        var cipher = cipher(Cipher.DECRYPT_MODE, requestId, parameter, nonce);
        try {
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Secret parameter %s of request %s does not decrypt with the configured vendo.request.secret-key"
                            .formatted(parameter, requestId),
                    e);
        }
    }

    private Cipher cipher(int mode, UUID requestId, String parameter, byte @Nullable [] nonce) {
        if (key == null) {
            throw new SecretParametersUnavailableException();
        }
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            if (nonce == null) {
                nonce = new byte[NONCE_BYTES];
                random.nextBytes(nonce);
            }
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((requestId + "/" + parameter).getBytes(StandardCharsets.UTF_8));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static @Nullable SecretKey key(RequestProperties properties) {
        if (properties.secretKey() != null && !properties.secretKey().isBlank()) {
            return decode(properties.secretKey().strip(), "vendo.request.secret-key");
        }
        var file = properties.secretKeyFile();
        if (file == null) {
            return null;
        }
        try {
            if (Files.notExists(file) && properties.generateSecretKey()) {
                generate(file);
            }
            return Files.exists(file) ? decode(Files.readString(file).strip(), file.toString()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the secret parameter key " + file, e);
        }
    }

    private static void generate(Path file) throws IOException {
        var bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        var parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            log.info("{} was created without POSIX permissions (not a POSIX file system)", file);
        }
        log.info("Generated a new key for NoEcho parameter values in {} (local use only)", file);
    }

    private static SecretKey decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not Base64", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(
                    "%s must hold %d random bytes (AES-256), not %d".formatted(source, KEY_BYTES, bytes.length));
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
