package io.devops.platform.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Every {@code interval}, counted in real time (daylight saving changes do not move it). */
record IntervalRecurrence(Duration interval) implements Recurrence {

    static final long MIN_SECONDS = 60;
    static final long MAX_SECONDS = 366L * 24 * 3600;

    @Override
    public Optional<Instant> next(Instant after) {
        return Optional.of(after.plus(interval));
    }

    /** The first of {@code previous} + k × interval after {@code now}. */
    @Override
    public Optional<Instant> nextAfter(Instant previous, Instant now) {
        if (now.isBefore(previous)) {
            return next(previous);
        }
        long periods = Duration.between(previous, now).toSeconds() / interval.toSeconds() + 1;
        return Optional.of(previous.plus(interval.multipliedBy(periods)));
    }
}
