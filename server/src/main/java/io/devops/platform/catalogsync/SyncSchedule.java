package io.devops.platform.catalogsync;

import io.devops.platform.shared.InvalidInputException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/**
 * A Git source's schedule: a standard 5-field cron expression (minute hour day-of-month month
 * day-of-week) read in UTC. Syncs are minutes apart at the finest, so seconds are not offered.
 */
record SyncSchedule(String cron, CronExpression expression) {

    /** The checked schedule, or null for a source synced on demand only. */
    static SyncSchedule parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String cron = text.trim().replaceAll("\\s+", " ");
        if (cron.length() > 120 || cron.split(" ").length != 5) {
            throw new InvalidInputException("schedule", "must be a cron expression of 5 fields (minute hour day-of-month"
                    + " month day-of-week, UTC), e.g. \"0 3 * * *\"");
        }
        try {
            return new SyncSchedule(cron, CronExpression.parse("0 " + cron));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("schedule", "is not a cron expression: " + e.getMessage());
        }
    }

    /** The first start after {@code after}. */
    Instant next(Instant after) {
        ZonedDateTime next = expression.next(after.atZone(ZoneOffset.UTC));
        if (next == null) {
            throw new InvalidInputException("schedule", "never comes: " + cron);
        }
        return next.toInstant();
    }
}
