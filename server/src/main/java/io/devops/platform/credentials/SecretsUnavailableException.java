package io.devops.platform.credentials;

import io.devops.platform.shared.PlatformException;
import org.springframework.http.HttpStatus;

/**
 * Secrets cannot be stored or read: no master key, a master key that is not the one the stored
 * secrets were sealed with, or a stored secret that was altered. The detail says what to do.
 */
public class SecretsUnavailableException extends PlatformException {

    static final String HOW_TO_SET = "set DEVOPS_SECRET_KEY (at least " + Keyring.MIN_KEY_LENGTH
            + " characters), or let the server keep one in devops.secret-key-file (./data/master.key, made on the first"
            + " start when the folder is writable), and restart the server";

    private final HttpStatus status;

    SecretsUnavailableException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    static SecretsUnavailableException noKey() {
        return new SecretsUnavailableException(HttpStatus.SERVICE_UNAVAILABLE,
                "No master key is configured, so SSH credentials cannot be stored or read: " + HOW_TO_SET);
    }

    static SecretsUnavailableException shortKey(int length) {
        return new SecretsUnavailableException(HttpStatus.SERVICE_UNAVAILABLE,
                "The master key (DEVOPS_SECRET_KEY or the key file) has only " + length + " characters, too few to protect SSH credentials: " + HOW_TO_SET);
    }

    static SecretsUnavailableException wrongKey() {
        return new SecretsUnavailableException(HttpStatus.SERVICE_UNAVAILABLE,
                "The master key (DEVOPS_SECRET_KEY or the key file) is not the key the stored credentials were encrypted "
                        + "with (it was changed after they were stored, or another instance made its own key file): restore the "
                        + "previous key and restart, or delete every credential "
                        + "(deleting works without the key) and create them again under the new key");
    }

    static SecretsUnavailableException unreadable(String credentialName) {
        return new SecretsUnavailableException(HttpStatus.CONFLICT,
                "The stored secrets of credential '" + credentialName + "' cannot be decrypted: they were altered in "
                        + "the database. Replace them (PUT the credential with a new privateKey, passphrase and becomePassword)");
    }

    static SecretsUnavailableException unreadableSecret(String what) {
        return new SecretsUnavailableException(HttpStatus.CONFLICT,
                "The stored secret of " + what + " cannot be decrypted: it was altered in the database, or sealed under "
                        + "another master key. Enter it again");
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
