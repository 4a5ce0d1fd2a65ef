package io.devops.platform.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Users for session login and HTTP Basic. */
@Service
class AccountDetailsService implements UserDetailsService {

    private final Users users;
    private final TenantMemberships memberships;

    AccountDetailsService(Users users, TenantMemberships memberships) {
        this.users = users;
        this.memberships = memberships;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        // A name no account can have is not looked up: the same answer, and the same timing, as an unknown one.
        if (!UserManagement.isValidUsername(username)) {
            throw new UsernameNotFoundException("no such user");
        }
        UserAccount account = users.byUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return new SignedInAccount(account, memberships.ofUser(account.id()));
    }
}
