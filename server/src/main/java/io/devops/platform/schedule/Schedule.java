package io.devops.platform.schedule;

import io.devops.platform.shared.Versioned;
import java.time.Instant;

/** A stored schedule: its settings, the one start still to come, and what its last start did. */
record Schedule(long id, long jobId, ScheduleSettings settings, Instant nextStartAt, Instant lastStartAt, Long lastRunId,
                String lastOutcome, long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy)
        implements Versioned {

    private static final String STARTER_PREFIX = "schedule:";

    /** The name its runs are started by ({@code executedBy}), e.g. {@code schedule:12}. */
    String starter() {
        return STARTER_PREFIX + id;
    }
}
