package io.devops.platform.credentials;

import java.time.Instant;

/**
 * A credential as the API shows it: what it is and where it is used, never its secrets.
 *
 * @param kind SSH_KEY (sshUser, key, passphrase, become password) or PASSWORD (username and password,
 *             for a node's BMC); the other kind's fields are null or false
 * @param fingerprintSource PUBLIC_KEY when {@code fingerprint} is what {@code ssh-keygen -l} shows,
 *                          PRIVATE_KEY_TEXT when the public key could not be had (encrypted or non-RSA PEM)
 */
record CredentialView(long id, String name, String description, CredentialKind kind, String sshUser, String keyType, boolean keyEncrypted,
                      String fingerprint, KeyFingerprint.Source fingerprintSource, boolean hasPassphrase,
                      boolean hasBecomePassword, String username, boolean hasPassword, long poolCount, long nodeCount, long bmcCount,
                      Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
