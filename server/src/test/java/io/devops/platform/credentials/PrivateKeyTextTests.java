package io.devops.platform.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devops.platform.credentials.KeyFingerprint.Source;
import io.devops.platform.credentials.TestKeys.GeneratedKey;
import io.devops.platform.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class PrivateKeyTextTests {

    @Test
    void anOpenSshKeyIsFingerprintedAsSshKeygenDoes() {
        assumeTrue(TestKeys.sshKeygenAvailable(), "ssh-keygen is not installed");
        GeneratedKey generated = TestKeys.sshKeygen("", "-t", "ed25519");
        PrivateKeyText key = PrivateKeyText.parse(generated.privateKey());
        assertThat(key.fingerprint()).isEqualTo(new KeyFingerprint(generated.fingerprint(), "ssh-ed25519", Source.PUBLIC_KEY));
        assertThat(key.encrypted()).isFalse();
    }

    @Test
    void anEncryptedOpenSshKeyIsRecognisedAndStillFingerprinted() {
        assumeTrue(TestKeys.sshKeygenAvailable(), "ssh-keygen is not installed");
        GeneratedKey generated = TestKeys.sshKeygen("correct horse", "-t", "ed25519");
        PrivateKeyText key = PrivateKeyText.parse(generated.privateKey());
        assertThat(key.encrypted()).isTrue();
        assertThat(key.fingerprint().value()).isEqualTo(generated.fingerprint());
    }

    @Test
    void anRsaPemKeyIsFingerprintedAsSshKeygenDoes() {
        assumeTrue(TestKeys.sshKeygenAvailable(), "ssh-keygen is not installed");
        GeneratedKey generated = TestKeys.sshKeygen("", "-t", "rsa", "-b", "2048", "-m", "PEM");
        PrivateKeyText key = PrivateKeyText.parse(generated.privateKey());
        assertThat(key.label()).isEqualTo("RSA PRIVATE KEY");
        assertThat(key.fingerprint()).isEqualTo(new KeyFingerprint(generated.fingerprint(), "ssh-rsa", Source.PUBLIC_KEY));
    }

    @Test
    void aPkcs8RsaKeyIsFingerprintedByItsPublicKey() {
        PrivateKeyText key = PrivateKeyText.parse(TestKeys.rsaPkcs8());
        assertThat(key.fingerprint().source()).isEqualTo(Source.PUBLIC_KEY);
        assertThat(key.fingerprint().keyType()).isEqualTo("ssh-rsa");
        assertThat(key.fingerprint().value()).startsWith("SHA256:").doesNotEndWith("=");
    }

    @Test
    void anEncryptedPemKeyIsFingerprintedByItsText() {
        String key = TestKeys.rsaPkcs8().replace("-----BEGIN PRIVATE KEY-----\n",
                "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n")
                .replace("-----END PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----");
        PrivateKeyText parsed = PrivateKeyText.parse(key);
        assertThat(parsed.encrypted()).isTrue();
        assertThat(parsed.fingerprint().source()).isEqualTo(Source.PRIVATE_KEY_TEXT);
    }

    @Test
    void windowsLineEndsAndSurroundingSpaceAreNormalisedToWhatSshReads() {
        String key = TestKeys.rsaPkcs8();
        PrivateKeyText parsed = PrivateKeyText.parse("\n  " + key.replace("\n", "\r\n") + "  \n");
        assertThat(parsed.text()).isEqualTo(key);
        assertThat(parsed.fingerprint()).isEqualTo(PrivateKeyText.parse(key).fingerprint());
    }

    @Test
    void aPublicKeyIsRefusedWithAHint() {
        assertThatThrownBy(() -> PrivateKeyText.parse("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO7R test"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("public key");
    }

    @Test
    void textThatIsNotOneKeyBlockIsRefused() {
        String key = TestKeys.rsaPkcs8();
        for (String bad : new String[] {"hello", key + "trailing", key.replace("-----END PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----"),
                "-----BEGIN PRIVATE KEY-----\n!!!not base64!!!\n-----END PRIVATE KEY-----",
                "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END OPENSSH PRIVATE KEY-----",
                "", null, "x".repeat(PrivateKeyText.MAX_CHARS + 1)}) {
            assertThatThrownBy(() -> PrivateKeyText.parse(bad)).as(String.valueOf(bad))
                    .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("privateKey: ");
        }
    }
}
