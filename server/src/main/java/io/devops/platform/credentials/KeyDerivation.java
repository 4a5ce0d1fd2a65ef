package io.devops.platform.credentials;

import java.security.GeneralSecurityException;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key from the master key: PBKDF2-HMAC-SHA256 over the installation's random salt.
 * PBKDF2 rather than HKDF because operators type master keys: a slow derivation makes a
 * human-chosen key expensive to guess from a stolen database. It runs once per salt and is cached.
 */
final class KeyDerivation {

    static final int ITERATIONS = 600_000;
    static final String NAME = "PBKDF2WithHmacSHA256";

    private KeyDerivation() {
    }

    static SecretKey derive(String masterKey, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(masterKey.toCharArray(), salt, iterations, 256);
        try {
            byte[] key = SecretKeyFactory.getInstance(NAME).generateSecret(spec).getEncoded();
            return new SecretKeySpec(key, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(NAME + " is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }
}
