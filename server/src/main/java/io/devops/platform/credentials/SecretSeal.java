package io.devops.platform.credentials;

import io.devops.platform.credentials.SecretCipher.UnreadableSecretException;
import org.springframework.stereotype.Service;

/**
 * Seals other modules' secrets (a notification channel's signing secret or webhook address) the way
 * SSH credentials are sealed: AES-256-GCM under the installation's key, bound through the associated
 * data to what the secret is ({@code purpose}, such as "notification_channels.secret"), so that a
 * value copied into another column fails to open. A module that stores sealed values also declares a
 * {@link SealedSecretHolder}, so that a changed master key is never adopted over its secrets.
 */
@Service
public class SecretSeal {

    private final Keyring keyring;

    SecretSeal(Keyring keyring) {
        this.keyring = keyring;
    }

    /** @throws SecretsUnavailableException without a usable master key */
    public String seal(String plaintext, String purpose) {
        return keyring.cipher().seal(plaintext, purpose);
    }

    /** @throws SecretsUnavailableException without the right master key, or when {@code what} was altered in the database */
    public String open(String sealed, String purpose, String what) {
        try {
            return keyring.cipher().open(sealed, purpose);
        } catch (UnreadableSecretException e) {
            throw SecretsUnavailableException.unreadableSecret(what);
        }
    }
}
