package io.devops.platform.notify;

import java.time.Instant;
import java.util.Set;

/** Send these events to this channel: for one job ({@code jobId}), or for every job when it is null. */
record Rule(long id, long channelId, Long jobId, Set<NotificationEvent> events, boolean enabled, Instant createdAt,
            String createdBy) {

    Rule {
        events = Set.copyOf(events);
    }

    boolean matches(NotificationEvent event, Long eventJobId) {
        return enabled && events.contains(event) && (jobId == null || jobId.equals(eventJobId));
    }
}
