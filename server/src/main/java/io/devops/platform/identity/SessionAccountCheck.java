package io.devops.platform.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session remembers who signed in, not whether they still may: before anything else uses it,
 * it is checked against the account as stored now, and ended when the account was deleted,
 * disabled, or changed role or password. One primary-key lookup per session request.
 */
final class SessionAccountCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionAccountCheck.class);

    private final Users users;

    SessionAccountCheck(Users users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && signedIn() instanceof SignedInAccount account && !isStillValid(account)) {
            log.info("Ended a session of '{}': the account was deleted, disabled, or changed role or password",
                    account.getUsername());
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    private boolean isStillValid(SignedInAccount account) {
        return users.byId(account.id()).map(account::isStill).orElse(false);
    }

    private static Object signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getPrincipal();
    }
}
