package io.vendo.request;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code vendo.request}.
 *
 * @param secretKey the AES-256 key (32 bytes, Base64) that encrypts NoEcho parameter values at rest; give it from a
 *     secret store (environment, Kubernetes secret), never in a file in the repository
 * @param secretKeyFile where to read the key from when {@code secret-key} is not set
 * @param generateSecretKey create {@code secret-key-file} with a new random key when it does not exist: for the local
 *     run and tests only, since every replica of a deployment must share one key
 */
@ConfigurationProperties("vendo.request")
record RequestProperties(
        @Nullable String secretKey, @Nullable Path secretKeyFile, @DefaultValue("false") boolean generateSecretKey) {}
