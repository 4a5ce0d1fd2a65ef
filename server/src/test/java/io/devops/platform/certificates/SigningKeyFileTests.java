package io.devops.platform.certificates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configured key file: generated with mode 0600 on first use, then the same key for every instance given it. */
class SigningKeyFileTests {

    @TempDir
    Path dir;

    @Test
    void aMissingKeyFileIsGeneratedOwnerOnlyAndAnotherInstanceSignsWithTheSameKey() throws Exception {
        Path file = dir.resolve("keys/cert-key.pem");
        SigningKey first = fileKeys(file).current();
        SigningKey second = fileKeys(file).current();
        byte[] body = "{\"verdict\":\"PASS\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("-----BEGIN PRIVATE KEY-----").contains("-----BEGIN PUBLIC KEY-----");
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(first.verifies(body, second.sign(body))).isTrue();
        assertThat(first.verifies("{\"verdict\":\"FAIL\"}".getBytes(StandardCharsets.UTF_8), second.sign(body))).isFalse();
    }

    @Test
    void aKeyFileWithoutItsPublicKeySaysWhatItMustHold() throws Exception {
        Path file = dir.resolve("cert-key.pem");
        Files.writeString(file, SigningKey.generate().privateKeyPem());

        assertThatIllegalStateException().isThrownBy(() -> fileKeys(file).current())
                .withMessageContaining("devops.certificates.key-file").withMessageContaining("PUBLIC KEY");
    }

    private static SigningKeys fileKeys(Path file) {
        return new SigningKeys(null, null, Clock.systemUTC(), file.toString());
    }
}
