package io.devops.platform.credentials;

import io.devops.platform.shared.InvalidInputException;
import java.util.regex.Pattern;

/** The input rules for everything but the key text (see {@link PrivateKeyText}). */
final class CredentialRules {

    static final int MAX_SECRET_CHARS = 1024;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    // useradd's default NAME_REGEX, limited to 32 characters as on Linux.
    private static final Pattern LOGIN_NAME = Pattern.compile("[!-~]{1,64}");
    private static final Pattern LINUX_USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    private CredentialRules() {
    }

    static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException("name", "use 1 to 64 letters, digits, '_', '.' or '-', starting with a letter or digit");
        }
        return name;
    }

    static String sshUser(String user) {
        if (user == null || !LINUX_USER.matcher(user).matches()) {
            throw new InvalidInputException("sshUser",
                    "must be a Linux user name: 1 to 32 lower-case letters, digits, '_' or '-', starting with a letter or '_'");
        }
        return user;
    }

    /** A BMC's user name: printable ASCII without spaces (IPMI allows up to 16 bytes; others more). */
    static String username(String user) {
        if (user == null || !LOGIN_NAME.matcher(user).matches()) {
            throw new InvalidInputException("username", "must be 1 to 64 printable characters without spaces");
        }
        return user;
    }

    /** A PASSWORD credential's password: required on create, one line, bounded. */
    static String password(String value) {
        String password = secret("password", value);
        if (password == null) {
            throw new InvalidInputException("password", "is required for a PASSWORD credential");
        }
        return password;
    }

    /** A passphrase or become password: null or "" means none; one line, bounded. */
    static String secret(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_SECRET_CHARS) {
            throw new InvalidInputException(field, "must have at most " + MAX_SECRET_CHARS + " characters");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new InvalidInputException(field, "must be a single line");
        }
        return value;
    }

    static void requirePassphraseForEncryptedKey(boolean keyEncrypted, boolean hasPassphrase) {
        if (keyEncrypted && !hasPassphrase) {
            throw new InvalidInputException("passphrase",
                    "is required: the private key is encrypted, and runs cannot type its passphrase");
        }
    }
}
