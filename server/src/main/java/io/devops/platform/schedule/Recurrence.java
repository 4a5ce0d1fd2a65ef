package io.devops.platform.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** When a schedule starts: {@link CronRecurrence} in a time zone, or {@link IntervalRecurrence}. */
sealed interface Recurrence permits CronRecurrence, IntervalRecurrence {

    /** The first start strictly after {@code after}; empty when none ever comes. */
    Optional<Instant> next(Instant after);

    /**
     * The first start after {@code now} in this recurrence's rhythm, once the start at {@code previous}
     * is done with (an interval keeps its phase from {@code previous}).
     */
    default Optional<Instant> nextAfter(Instant previous, Instant now) {
        return next(now.isBefore(previous) ? previous : now);
    }

    /** Up to {@code count} starts after {@code after}, none after {@code endsAt} (when given). */
    default List<Instant> upcoming(Instant after, int count, Instant endsAt) {
        List<Instant> starts = new ArrayList<>();
        Optional<Instant> next = next(after);
        while (next.isPresent() && starts.size() < count && (endsAt == null || !next.get().isAfter(endsAt))) {
            starts.add(next.get());
            next = next(next.get());
        }
        return starts;
    }
}
