package io.devops.platform.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api token>}; a wrong token is a 401, never anonymous.
 * The token is looked up at every request, so a revoked or expired one is refused at once and the
 * owner's role is the current one. A call outside the token's scopes is a 403 here; within them the
 * role decides as for any other caller. Records when and from where (the client's address, see
 * {@link ForwardedClient}) the token was last used.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    private static final String BEARER = "Bearer ";
    /** Recording every use would write on every request; a minute's precision is enough to spot stale tokens. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final ApiTokens tokens;
    private final ProblemResponses problems;
    private final Clock clock;
    private final TenantMemberships memberships;

    BearerTokenFilter(ApiTokens tokens, TenantMemberships memberships, ProblemResponses problems, Clock clock) {
        this.tokens = tokens;
        this.memberships = memberships;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Instant now = clock.instant();
        var owner = tokens.ownerOf(TokenCodec.sha256(header.substring(BEARER.length()).trim()), now);
        if (owner.isEmpty()) {
            log.info("Refused an unknown, revoked or expired API token from {}", request.getRemoteAddr());
            problems.write(request, response, HttpStatus.UNAUTHORIZED,
                    "The API token is unknown, revoked or expired; create a new one with POST /api/v1/api-tokens");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!TokenScope.allow(owner.get().scopes(), request.getMethod(), path)) {
            problems.write(request, response, HttpStatus.FORBIDDEN, "This API token's scopes " + TokenScope.apiNames(owner.get().scopes())
                    + " do not allow " + request.getMethod() + " " + path + ": read allows GET only, run starts and"
                    + " cancels runs, admin allows what the owner's role allows. Create a token with the scope it needs");
            return;
        }
        // A tenant user's token reaches its user's tenants, looked up now, never further.
        var reach = owner.get().role() != null ? Map.<Long, Role>of() : memberships.ofUsername(owner.get().username());
        var authentication = new ApiTokenAuthentication(owner.get().username(),
                TenantAuthorities.of(owner.get().role(), reach), owner.get().tokenId(), owner.get().scopes());
        // A context of its own: the one loaded from a session cookie sent along must not take on the token's user.
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        String address = request.getRemoteAddr();
        if (owner.get().lastUsedAt() == null || owner.get().lastUsedAt().isBefore(now.minus(TOUCH_INTERVAL))
                || !address.equals(owner.get().lastUsedAddress())) {
            tokens.touch(owner.get().tokenId(), now, address);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
