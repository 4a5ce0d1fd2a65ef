package io.devops.platform.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devops.platform.credentials.SecretCipher.UnreadableSecretException;
import java.util.Base64;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class SecretCipherTests {

    private static final byte[] SALT = "sixteen byte slt".getBytes();
    // Few iterations: these tests are about the cipher, not the cost of guessing.
    private static final SecretKey KEY = KeyDerivation.derive("the-right-master-key-of-32-chars-at-least", SALT, 1000);
    private static final SecretKey OTHER_KEY = KeyDerivation.derive("another-master-key-of-32-chars-at-least!", SALT, 1000);

    private final SecretCipher cipher = new SecretCipher(KEY);

    @Test
    void aSealedSecretOpensToTheSameText() {
        String sealed = cipher.seal("sudo pässword ✓", "credentials.become_password");
        assertThat(cipher.open(sealed, "credentials.become_password")).isEqualTo("sudo pässword ✓");
    }

    @Test
    void theSealedFormNeitherContainsNorRepeatsThePlaintext() {
        String first = cipher.seal("hunter2-hunter2", "credentials.passphrase");
        String second = cipher.seal("hunter2-hunter2", "credentials.passphrase");
        assertThat(first).startsWith("v1:").doesNotContain("hunter2");
        assertThat(first).as("a fresh nonce for every secret").isNotEqualTo(second);
        byte[] raw = Base64.getDecoder().decode(first.substring(3));
        assertThat(raw).hasSize(12 + "hunter2-hunter2".length() + 16);
    }

    @Test
    void aTamperedCiphertextIsDetected() {
        String sealed = cipher.seal("secret", "credentials.passphrase");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 20] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.open(tampered, "credentials.passphrase"))
                .isInstanceOf(UnreadableSecretException.class).hasMessageContaining("tag");
    }

    @Test
    void anotherKeyCannotOpenASecret() {
        String sealed = cipher.seal("secret", "credentials.passphrase");
        assertThatThrownBy(() -> new SecretCipher(OTHER_KEY).open(sealed, "credentials.passphrase"))
                .isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void aSecretCopiedIntoAnotherColumnDoesNotOpen() {
        String sealed = cipher.seal("secret", "credentials.passphrase");
        assertThatThrownBy(() -> cipher.open(sealed, "credentials.become_password"))
                .isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void garbageIsUnreadableRatherThanACrash() {
        assertThatThrownBy(() -> cipher.open("plain text", "x")).isInstanceOf(UnreadableSecretException.class);
        assertThatThrownBy(() -> cipher.open("v1:not base64!", "x")).isInstanceOf(UnreadableSecretException.class);
        assertThatThrownBy(() -> cipher.open("v1:AAAA", "x")).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void theSameMasterKeyAndSaltAlwaysDeriveTheSameKeyAndAnotherSaltAnother() {
        assertThat(KeyDerivation.derive("the-right-master-key-of-32-chars-at-least", SALT, 1000).getEncoded())
                .isEqualTo(KEY.getEncoded()).hasSize(32);
        assertThat(KeyDerivation.derive("the-right-master-key-of-32-chars-at-least", "another salt 16b".getBytes(), 1000)
                .getEncoded()).isNotEqualTo(KEY.getEncoded());
    }
}
