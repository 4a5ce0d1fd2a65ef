package io.devops.platform.agentgateway;

import java.time.Instant;
import java.util.List;

/**
 * An agent's health events, checked and published while its request waits: the agent drops them
 * from its outbox only after a listener stored them, so a listener that fails makes the agent send
 * them again. One event per condition instance (node, component, code, subject, firstSeen);
 * re-sent events carry the same identity.
 */
public record AgentHealthReported(long nodeId, List<Event> events) {

    public record Event(String component, String code, String subject, String severity, String message, String evidence,
                        Instant firstSeen, Instant lastSeen, long count, boolean open) {
    }
}
