package io.devops.platform.agentgateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <agent credential>}: one indexed lookup per request, so a revoked
 * credential (or a deleted node) is refused from the next request on, on every instance.
 */
final class AgentCredentialFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final AgentCredentials credentials;
    private final AgentProblems problems;

    AgentCredentialFilter(AgentCredentials credentials, AgentProblems problems) {
        this.credentials = credentials;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        var agent = credentials.live(Secrets.sha256(header.substring(BEARER.length()).trim()));
        if (agent.isEmpty()) {
            problems.write(response, 401, "The agent credential is unknown or revoked; enrol the agent again with a new "
                    + "enrolment token (delete the credential file in its work dir first)");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new AgentAuthentication(agent.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
