package io.devops.platform.agentgateway;

import java.security.Principal;

/** The authenticated caller of the agent protocol: one node, through one credential. */
record AgentNode(long nodeId, long credentialId, String ip) implements Principal {

    /** Appears as the actor in the audit trail. */
    @Override
    public String getName() {
        return "agent@" + ip;
    }
}
