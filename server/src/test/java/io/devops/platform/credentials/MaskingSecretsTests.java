package io.devops.platform.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MaskingSecretsTests {

    private static final String KEY = """
            -----BEGIN OPENSSH PRIVATE KEY-----
            b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
            QyNTUxOQAAACDu0QqZ5lRQf1ZCkUq6T4J1yY0N2nZr0bWg3vA0xYQJ9QAAAJgx8Yb0
            AAAAC3NzaC1lZDI1NTE5AAAAIO7RCpnmVFB/VkKRSrpPgnXJjQ3admvRtaDe8DTFhAn1
            Ab=
            -----END OPENSSH PRIVATE KEY-----
            """;
    private final SshCredential credential = new SshCredential(7, "delivery", "root", KEY, "key pass phrase", "sudo\"pw");
    private final MaskingSecrets masking = MaskingSecrets.of(credential);

    @Test
    void passphraseAndBecomePasswordAreMaskedWherePrinted() {
        assertThat(masking.mask("BECOME password: sudo\"pw, passphrase key pass phrase."))
                .isEqualTo("BECOME password: ***, passphrase ***.");
    }

    @Test
    void aBecomePasswordIsAlsoMaskedAsJsonShowsIt() {
        assertThat(masking.mask("{\"ansible_become_pass\": \"sudo\\\"pw\"}")).isEqualTo("{\"ansible_become_pass\": \"***\"}");
    }

    @Test
    void aBecomePasswordWithJinjaQuotesAndBackslashesIsMaskedPlainAndJsonEscaped() {
        String tricky = "p{{ 7 * 6 }}w {% raw %} 'q' \"dq\" \\b";
        MaskingSecrets withTricky = MaskingSecrets.of(new SshCredential(8, "tricky", "ops", KEY, null, tricky));
        assertThat(withTricky.mask("typed " + tricky + " into sudo")).isEqualTo("typed *** into sudo");
        String json = "{\"ansible_become_password\": \"p{{ 7 * 6 }}w {% raw %} 'q' \\\"dq\\\" \\\\b\"}";
        assertThat(withTricky.mask(json)).isEqualTo("{\"ansible_become_password\": \"***\"}");
    }

    @Test
    void everyBodyLineOfThePrivateKeyIsMaskedButItsFrameIsKept() {
        String masked = masking.mask(KEY);
        assertThat(masked).contains("-----BEGIN OPENSSH PRIVATE KEY-----", "-----END OPENSSH PRIVATE KEY-----")
                .doesNotContain("b3BlbnNzaC1rZXktdjEA", "QyNTUxOQAAACDu0Qq", "AAAAC3NzaC1lZDI1NTE5");
        assertThat(masked.lines().filter("***"::equals).count()).isEqualTo(3);
    }

    @Test
    void aKeyLineQuotedInsideAnotherLineIsMasked() {
        assertThat(masking.mask("debug: read QyNTUxOQAAACDu0QqZ5lRQf1ZCkUq6T4J1yY0N2nZr0bWg3vA0xYQJ9QAAAJgx8Yb0 from file"))
                .isEqualTo("debug: read *** from file");
    }

    @Test
    void linesWithoutSecretsAreUnchanged() {
        String line = "TASK [gpu_driver : install] ok: [127.0.1.1]";
        assertThat(masking.mask(line)).isSameAs(line);
        assertThat(masking.mask(null)).isNull();
    }

    @Test
    void aSecretContainingAnotherIsMaskedWhole() {
        MaskingSecrets values = MaskingSecrets.ofValues(List.of("abc", "xxabcxx"));
        assertThat(values.mask("1 xxabcxx 2 abc")).isEqualTo("1 *** 2 ***");
    }

    @Test
    void aCredentialWithoutPasswordsMasksOnlyItsKey() {
        MaskingSecrets keyOnly = MaskingSecrets.of(new SshCredential(1, "k", "ops", KEY, null, null));
        assertThat(keyOnly.isEmpty()).isFalse();
        assertThat(keyOnly.mask("null and empty are no secrets")).isEqualTo("null and empty are no secrets");
        assertThat(MaskingSecrets.ofValues(List.of("")).isEmpty()).isTrue();
    }

    @Test
    void aCredentialsToStringShowsNoSecret() {
        assertThat(credential.toString()).contains("delivery", "root", "***")
                .doesNotContain("key pass phrase", "sudo\"pw", "b3BlbnNzaC1rZXktdjEA");
    }
}
