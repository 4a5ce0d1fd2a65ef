package io.devops.platform.agentgateway;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An agent authenticated by its credential; the authority is one no user can ever hold. */
final class AgentAuthentication extends AbstractAuthenticationToken {

    static final String AUTHORITY = "AGENT";

    private final AgentNode agent;

    AgentAuthentication(AgentNode agent) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.agent = agent;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public AgentNode getPrincipal() {
        return agent;
    }
}
