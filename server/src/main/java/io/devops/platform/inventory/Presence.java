package io.devops.platform.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** A node is ONLINE while its agent's last heartbeat is younger than {@code devops.agent.offline-after}. */
@Component
class Presence {

    private final Clock clock;
    private final Duration offlineAfter;

    Presence(Clock clock, @Value("${devops.agent.offline-after:90s}") Duration offlineAfter) {
        this.clock = clock;
        this.offlineAfter = offlineAfter;
    }

    AgentPresence of(Instant lastSeenAt) {
        if (lastSeenAt == null) {
            return null;
        }
        boolean online = !lastSeenAt.isBefore(onlineSince());
        return new AgentPresence(online ? AgentPresence.Status.ONLINE : AgentPresence.Status.OFFLINE, lastSeenAt);
    }

    /** Heartbeats at or after this instant count as online. */
    Instant onlineSince() {
        return clock.instant().minus(offlineAfter);
    }
}
