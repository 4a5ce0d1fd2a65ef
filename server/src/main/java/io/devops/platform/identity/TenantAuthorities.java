package io.devops.platform.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authorities the URL rules see: a global role, or for a tenant user TENANT_VIEWER (and
 * TENANT_OPERATOR when it operates some tenant). Which tenant is decided per object by the modules,
 * from the {@link TenantScope} read fresh on every request.
 */
final class TenantAuthorities {

    static final String TENANT_VIEWER = "TENANT_VIEWER";
    static final String TENANT_OPERATOR = "TENANT_OPERATOR";

    private TenantAuthorities() {
    }

    static List<GrantedAuthority> of(Role role, Map<Long, Role> memberships) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (role != null) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
            return authorities;
        }
        if (!memberships.isEmpty()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + TENANT_VIEWER));
        }
        if (memberships.containsValue(Role.OPERATOR)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + TENANT_OPERATOR));
        }
        return authorities;
    }

    static boolean isGlobal(Collection<? extends GrantedAuthority> authorities) {
        for (GrantedAuthority authority : authorities) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    return true;
                }
            }
        }
        return false;
    }
}
