package io.devops.platform.identity;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
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

    SignedInAccount(UserAccount account) {
        super(account.username(), account.passwordHash(), account.enabled(), true, true, true,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
        this.id = account.id();
        this.passwordStamp = stampOf(account);
    }

    long id() {
        return id;
    }

    /** Whether the account, as stored now, is still the one that signed in, with the same rights. */
    boolean isStill(UserAccount account) {
        return account.id() == id && account.enabled() && passwordStamp.equals(stampOf(account))
                && getAuthorities().contains(new SimpleGrantedAuthority(account.role().authority()));
    }

    /** A digest of the hash, not the hash: the session store never holds anything a password can be tested against. */
    private static String stampOf(UserAccount account) {
        return TokenCodec.sha256(account.passwordHash()).substring(0, 16);
    }
}
