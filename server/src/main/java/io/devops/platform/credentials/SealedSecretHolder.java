package io.devops.platform.credentials;

/**
 * A module that keeps values sealed with {@link SecretSeal}. While any holder holds one, a changed
 * master key is refused (as it is while SSH credentials exist) instead of being adopted: adopting it
 * would leave those values unreadable.
 */
public interface SealedSecretHolder {

    boolean holdsSealedSecrets();
}
