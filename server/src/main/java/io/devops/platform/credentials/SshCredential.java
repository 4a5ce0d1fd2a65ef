package io.devops.platform.credentials;

/**
 * What the run engine needs to reach a node: decrypted, for the moment of a run only. Never log
 * it or put it in a response; {@link #toString()} masks the secrets in case someone does.
 *
 * @param privateKey the key file's text (LF line ends, final newline), ready to write with mode 0600
 * @param passphrase the key's passphrase, or null when the key is not encrypted
 * @param becomePassword the sudo password for Ansible's become, or null when none is needed
 */
public record SshCredential(long id, String name, String sshUser, String privateKey, String passphrase,
                            String becomePassword) {

    @Override
    public String toString() {
        return "SshCredential[id=" + id + ", name=" + name + ", sshUser=" + sshUser + ", privateKey=" + MaskingSecrets.MASK
                + ", passphrase=" + masked(passphrase) + ", becomePassword=" + masked(becomePassword) + "]";
    }

    private static String masked(String secret) {
        return secret == null ? "none" : MaskingSecrets.MASK;
    }
}
