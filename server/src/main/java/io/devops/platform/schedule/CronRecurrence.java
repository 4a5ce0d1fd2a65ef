package io.devops.platform.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * A cron expression read in a time zone. Spring's {@link CronExpression} finds the matching local
 * times; this decides which instants they are on daylight-saving change days, so that no start is
 * doubled or lost:
 * <ul>
 * <li>A schedule that runs every hour (its hour field matches all 24) follows real time: an
 *     every-minute schedule runs each real minute, in the repeated hour too, and the local times
 *     the clock jumps over simply do not occur.</li>
 * <li>Any other schedule runs each matching local time once: one that the clock jumps over (02:30
 *     in Europe/Berlin on the last Sunday of March) runs when the jump ends (03:00 CEST); one that
 *     occurs twice (02:30 on the last Sunday of October) runs at its first occurrence only.</li>
 * </ul>
 * Spring alone would skip the first and run the second twice.
 */
record CronRecurrence(String expression, ZoneId zone, CronExpression cron, boolean everyHour) implements Recurrence {

    /** More than an hour of one-minute starts: the most a repeated hour can pass over. */
    private static final int MAX_PASSED_OVER = 4000;

    static CronRecurrence of(String expression, ZoneId zone, CronExpression cron) {
        return new CronRecurrence(expression, zone, cron, matchesEveryHour(cron));
    }

    @Override
    public Optional<Instant> next(Instant after) {
        if (everyHour) {
            return Optional.ofNullable(cron.next(after.atZone(zone))).map(ZonedDateTime::toInstant);
        }
        LocalDateTime local = after.atZone(zone).toLocalDateTime();
        for (int i = 0; i < MAX_PASSED_OVER; i++) {
            local = cron.next(local);
            if (local == null) {
                return Optional.empty();
            }
            Instant start = startOf(local);
            if (start.isAfter(after)) {
                return Optional.of(start);
            }
        }
        return Optional.empty();
    }

    /** A local time in a gap starts when the gap ends; one that occurs twice, at its first occurrence. */
    private Instant startOf(LocalDateTime local) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    /** Whether the hour field matches all 24 hours (hours do not depend on the day fields). */
    private static boolean matchesEveryHour(CronExpression cron) {
        LocalDateTime first = cron.next(LocalDateTime.of(2001, 1, 1, 0, 0));
        if (first == null) {
            return false;
        }
        LocalDate day = first.toLocalDate();
        for (int hour = 0; hour < 24; hour++) {
            LocalDateTime match = cron.next(day.atTime(hour, 0).minusNanos(1));
            if (match == null || !match.toLocalDate().equals(day) || match.getHour() != hour) {
                return false;
            }
        }
        return true;
    }
}
