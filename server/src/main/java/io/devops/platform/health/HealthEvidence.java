package io.devops.platform.health;

import java.time.Instant;
import java.util.List;

/** Public API: a node's health events as evidence (the RMA record), newest last-seen first, scoped like the list. */
public interface HealthEvidence {

    List<Event> ofNode(long nodeId);

    /** One condition instance as the agent reported it; {@code evidence} is its log line or reading. */
    record Event(long id, String component, String code, String subject, String severity, String message, String evidence,
                 Instant firstSeen, Instant lastSeen, long count, boolean open) {
    }
}
