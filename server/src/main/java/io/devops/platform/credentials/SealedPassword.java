package io.devops.platform.credentials;

import io.devops.platform.credentials.SecretCipher.UnreadableSecretException;

/** A credential's user name and sealed password as stored; {@code kind} tells whether it is one. */
record SealedPassword(long id, String name, CredentialKind kind, String username, String password) {

    static final String PASSWORD = "credentials.password";

    PasswordCredential open(SecretCipher cipher) {
        try {
            return new PasswordCredential(id, name, username, cipher.open(password, PASSWORD));
        } catch (UnreadableSecretException e) {
            throw SecretsUnavailableException.unreadable(name);
        }
    }

    @Override
    public String toString() {
        return "SealedPassword[id=" + id + ", name=" + name + "]";
    }
}
