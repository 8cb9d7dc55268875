package io.vendo.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretParametersTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private final SecretParameters secrets = new SecretParameters(new RequestProperties(KEY, null, false));

    @Test
    void encryptsEachValueWithAFreshNonceAndDecryptsItForItsRequestAndParameterOnly() {
        var request = UUID.randomUUID();

        var first = secrets.seal(request, "DbPassword", "s3cret-value");
        var second = secrets.seal(request, "DbPassword", "s3cret-value");

        assertThat(first).startsWith("v1:").doesNotContain("s3cret").isNotEqualTo(second);
        assertThat(new String(Base64.getDecoder().decode(first.substring(3)))).doesNotContain("s3cret");
        assertThat(secrets.open(request, "DbPassword", first)).isEqualTo("s3cret-value");
        assertThatThrownBy(() -> secrets.open(UUID.randomUUID(), "DbPassword", first))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not decrypt");
        assertThatThrownBy(() -> secrets.open(request, "OtherParameter", first))
                .isInstanceOf(IllegalStateException.class);
        var otherKey = new SecretParameters(new RequestProperties(
                Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes()), null, false));
        assertThatThrownBy(() -> otherKey.open(request, "DbPassword", first)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void generatesAPrivateKeyFileForTheLocalRunAndReadsItBack(@TempDir Path directory) throws Exception {
        var file = directory.resolve("keys/secret-parameters.key");

        var generated = new SecretParameters(new RequestProperties(null, file, true));
        var sealed = generated.seal(new UUID(0, 1), "P", "value");

        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        var reread = new SecretParameters(new RequestProperties(null, file, false));
        assertThat(reread.open(new UUID(0, 1), "P", sealed)).isEqualTo("value");
    }

    @Test
    void withoutAKeySecretsAreRefusedAndAWrongKeyStopsTheStart(@TempDir Path directory) {
        var keyless = new SecretParameters(new RequestProperties(null, directory.resolve("missing.key"), false));

        assertThatThrownBy(() -> keyless.seal(UUID.randomUUID(), "P", "v"))
                .isInstanceOf(SecretParametersUnavailableException.class)
                .hasMessageContaining("vendo.request.secret-key");
        assertThatThrownBy(() -> new SecretParameters(new RequestProperties("c2hvcnQ=", null, false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must hold 32 random bytes (AES-256), not 5");
    }
}
