package io.devops.platform.schedule;

import io.devops.platform.schedule.ScheduleSettings.Missed;
import io.devops.platform.schedule.ScheduleSettings.Overlap;
import io.devops.platform.shared.Versioned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A schedule as the API shows it; {@code nextStarts} are the next five starts (none while paused). */
record ScheduleView(long id, long jobId, String cron, String timeZone, Long intervalSeconds, boolean enabled, Overlap overlap,
                    Missed missed, Instant endsAt, Instant nextStartAt, List<Instant> nextStarts, Instant lastStartAt,
                    Long lastRunId, String lastOutcome, String starter, long version, Instant createdAt, String createdBy,
                    Instant updatedAt, String updatedBy) implements Versioned {

    static final int SHOWN_STARTS = 5;

    static ScheduleView of(Schedule schedule) {
        ScheduleSettings settings = schedule.settings();
        return new ScheduleView(schedule.id(), schedule.jobId(), settings.cron(), settings.timeZone(), settings.intervalSeconds(),
                settings.enabled(), settings.overlap(), settings.missed(), settings.endsAt(), schedule.nextStartAt(),
                nextStarts(schedule), schedule.lastStartAt(), schedule.lastRunId(), schedule.lastOutcome(), schedule.starter(),
                schedule.version(), schedule.createdAt(), schedule.createdBy(), schedule.updatedAt(), schedule.updatedBy());
    }

    private static List<Instant> nextStarts(Schedule schedule) {
        List<Instant> starts = new ArrayList<>();
        if (schedule.nextStartAt() != null) {
            starts.add(schedule.nextStartAt());
            starts.addAll(schedule.settings().recurrence().upcoming(schedule.nextStartAt(), SHOWN_STARTS - 1,
                    schedule.settings().endsAt()));
        }
        return starts;
    }
}
