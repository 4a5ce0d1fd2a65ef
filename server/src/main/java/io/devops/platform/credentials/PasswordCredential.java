package io.devops.platform.credentials;

/**
 * A user name and password (a BMC's login), decrypted for the moment of use only. Never log it or
 * put it in a response or on a command line; {@link #toString()} masks the password.
 */
public record PasswordCredential(long id, String name, String username, String password) {

    @Override
    public String toString() {
        return "PasswordCredential[id=" + id + ", name=" + name + ", username=" + username + ", password="
                + MaskingSecrets.MASK + "]";
    }
}
