package io.devops.platform.identity;

import java.util.Collection;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * A request signed in with an API token: it acts as the token's owner, and remembers which token,
 * so that what only a password sign-in may do (see {@link PasswordSignInOnly}) can tell it apart.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    private final String username;
    private final long tokenId;
    private final Set<TokenScope> scopes;

    ApiTokenAuthentication(String username, Collection<? extends GrantedAuthority> authorities, long tokenId,
                           Set<TokenScope> scopes) {
        super(authorities);
        this.username = username;
        this.tokenId = tokenId;
        this.scopes = Set.copyOf(scopes);
        setAuthenticated(true);
    }

    long tokenId() {
        return tokenId;
    }

    Set<TokenScope> scopes() {
        return scopes;
    }

    @Override
    public Object getPrincipal() {
        return username;
    }

    /** The token itself is never kept: it was only needed to find this one. */
    @Override
    public Object getCredentials() {
        return null;
    }
}
