package io.devops.platform.identity;

import java.util.Map;
import org.springframework.security.core.userdetails.User;

/**
 * The principal of a password sign-in. Besides the name it remembers which account it was and a
 * stamp of its password, so that a session can be ended once the account is deleted, disabled,
 * changes role or password (see {@link SessionAccountCheck}).
 */
final class SignedInAccount extends User {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String passwordStamp;
    /** Null for a tenant user, whose memberships are read afresh on every request ({@link TenantScopes}). */
    private final Role role;

    SignedInAccount(UserAccount account, Map<Long, Role> memberships) {
        super(account.username(), account.passwordHash(), account.enabled(), true, true, true,
                TenantAuthorities.of(account.role(), memberships));
        this.role = account.role();
        this.id = account.id();
        this.passwordStamp = stampOf(account);
    }

    long id() {
        return id;
    }

    /** Whether the account, as stored now, is still the one that signed in, with the same rights. */
    boolean isStill(UserAccount account) {
        return account.id() == id && account.enabled() && passwordStamp.equals(stampOf(account))
                && role == account.role();
    }

    /** A digest of the hash, not the hash: the session store never holds anything a password can be tested against. */
    private static String stampOf(UserAccount account) {
        return TokenCodec.sha256(account.passwordHash()).substring(0, 16);
    }
}
