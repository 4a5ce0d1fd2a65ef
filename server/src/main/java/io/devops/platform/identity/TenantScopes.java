package io.devops.platform.identity;

import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.PlatformException;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The current actor's {@link TenantScope}, resolved once per request from the signed-in user
 * (session, Basic or API token alike: a token reaches exactly as far as its user does now).
 * Work the platform does by itself (scheduled runs, recovery) reaches everything.
 */
@Component
public class TenantScopes {

    private static final String CACHE = TenantScopes.class.getName();

    private final TenantMemberships memberships;

    TenantScopes(TenantMemberships memberships) {
        this.memberships = memberships;
    }

    public TenantScope current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || TenantAuthorities.isGlobal(authentication.getAuthorities())) {
            return TenantScope.everything();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof Cached cached
                && cached.username().equals(authentication.getName())) {
            return cached.scope();
        }
        TenantScope scope = TenantScope.of(memberships.ofUsername(authentication.getName()));
        if (request != null) {
            request.setAttribute(CACHE, new Cached(authentication.getName(), scope), RequestAttributes.SCOPE_REQUEST);
        }
        return scope;
    }

    /** Another tenant's object, or one of no tenant, is answered as if it did not exist: 404, never 403. */
    public void requireVisible(Long tenantId, String kind, Object id) {
        if (!current().sees(tenantId)) {
            throw new NotFoundException(kind, id);
        }
    }

    /** As {@link #requireVisible}, then 403 when the caller only views that tenant. */
    public void requireOperable(Long tenantId, String kind, Object id) {
        requireVisible(tenantId, kind, id);
        if (!current().operates(tenantId)) {
            throw new ViewerOnly(kind, id);
        }
    }

    private record Cached(String username, TenantScope scope) {
    }

    /** 403: the caller sees the object's tenant but may only view it. */
    static final class ViewerOnly extends PlatformException {

        ViewerOnly(String kind, Object id) {
            super("You may only view " + kind + " " + id + ": changing it needs the OPERATOR role in its tenant");
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.FORBIDDEN;
        }
    }
}
