/**
 * Credentials: SSH keys, passphrases and become passwords, encrypted at rest with a key derived
 * from {@code DEVOPS_SECRET_KEY}, or without it from a key file the server makes on its first start
 * ({@code MasterKeySource}). Public API: {@link io.devops.platform.credentials.CredentialVault}
 * (resolve a node's credential, check one exists), {@link io.devops.platform.credentials.SshCredential}
 * and {@link io.devops.platform.credentials.MaskingSecrets} for the run engine's logs; other modules'
 * secrets are sealed the same way through {@link io.devops.platform.credentials.SecretSeal}, their
 * holders declared as {@link io.devops.platform.credentials.SealedSecretHolder}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credentials", allowedDependencies = {"shared", "identity"})
package io.devops.platform.credentials;
