package io.devops.platform.credentials;

import io.devops.platform.credentials.SecretCipher.UnreadableSecretException;

/** A credential as stored: secrets sealed, each bound to its column through the associated data. */
record SealedCredential(long id, String name, String sshUser, String privateKey, String passphrase, String becomePassword) {

    static final String PRIVATE_KEY = "credentials.private_key";
    static final String PASSPHRASE = "credentials.passphrase";
    static final String BECOME_PASSWORD = "credentials.become_password";

    SshCredential open(SecretCipher cipher) {
        try {
            return new SshCredential(id, name, sshUser, cipher.open(privateKey, PRIVATE_KEY),
                    passphrase == null ? null : cipher.open(passphrase, PASSPHRASE),
                    becomePassword == null ? null : cipher.open(becomePassword, BECOME_PASSWORD));
        } catch (UnreadableSecretException e) {
            throw SecretsUnavailableException.unreadable(name);
        }
    }

    @Override
    public String toString() {
        return "SealedCredential[id=" + id + ", name=" + name + "]";
    }
}
