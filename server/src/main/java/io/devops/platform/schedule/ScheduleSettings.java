package io.devops.platform.schedule;

import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import io.devops.platform.shared.PrintableText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.scheduling.support.CronExpression;

/**
 * What a user sets on a schedule, checked: exactly one of a cron expression (with its IANA time
 * zone) or an interval, the policies, and an optional end.
 */
record ScheduleSettings(String cron, String timeZone, Long intervalSeconds, boolean enabled, Overlap overlap,
                        Missed missed, Instant endsAt) {

    static final String CRON_FORMS = "5 fields (minute hour day-of-month month day-of-week, e.g. \"0 3 * * *\") "
            + "or Spring's 6 with the second first (e.g. \"0 0 3 * * *\", the second a single number), or a macro such as @daily";
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern ONE_SECOND = Pattern.compile("[0-5]?\\d");

    /** What happens to a start while this schedule's previous run has not ended. */
    enum Overlap { SKIP, QUEUE_ONE }

    /** What happens to starts that fell while no server instance was running. */
    enum Missed { RUN_ONCE, SKIP }

    /** Checks a request's fields, all at once; nothing is stored when any is wrong. */
    static ScheduleSettings parse(String cron, String timeZone, Long intervalSeconds, Boolean enabled, String overlap,
                                  String missed, Instant endsAt) {
        List<InputError> errors = new ArrayList<>();
        String expression = cron == null || cron.isBlank() ? null : SPACES.matcher(cron.trim()).replaceAll(" ");
        String zone = timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault().getId() : timeZone.trim();
        if (expression == null && intervalSeconds == null) {
            errors.add(new InputError("cron", "give a cron expression or intervalSeconds"));
        } else if (expression != null && intervalSeconds != null) {
            errors.add(new InputError("intervalSeconds", "give either a cron expression or intervalSeconds, not both"));
        }
        if (expression != null) {
            cronProblem(expression).ifPresent(problem -> errors.add(new InputError("cron", problem)));
        }
        if (intervalSeconds != null && (intervalSeconds < IntervalRecurrence.MIN_SECONDS || intervalSeconds > IntervalRecurrence.MAX_SECONDS)) {
            errors.add(new InputError("intervalSeconds", "must be from " + IntervalRecurrence.MIN_SECONDS + " (a minute) to "
                    + IntervalRecurrence.MAX_SECONDS + " (366 days), not " + intervalSeconds));
        }
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            errors.add(new InputError("timeZone", "unknown time zone '" + PrintableText.of(zone, 64)
                    + "': use an IANA name such as Asia/Shanghai or Europe/Berlin"));
        }
        Overlap overlapPolicy = policy(Overlap.class, overlap, Overlap.SKIP, "overlap", errors);
        Missed missedPolicy = policy(Missed.class, missed, Missed.RUN_ONCE, "missed", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        return new ScheduleSettings(expression, zone, intervalSeconds, enabled == null || enabled, overlapPolicy, missedPolicy, endsAt);
    }

    Recurrence recurrence() {
        if (cron == null) {
            return new IntervalRecurrence(Duration.ofSeconds(intervalSeconds));
        }
        return CronRecurrence.of(cron, ZoneId.of(timeZone), CronExpression.parse(springForm(cron)));
    }

    /** The first start after {@code now}; empty while paused, or when none comes before the end. */
    Optional<Instant> firstStart(Instant now) {
        if (!enabled) {
            return Optional.empty();
        }
        return recurrence().next(now).filter(start -> endsAt == null || !start.isAfter(endsAt));
    }

    /** Standard 5-field cron gets Spring's seconds field in front. */
    private static String springForm(String cron) {
        return !cron.startsWith("@") && cron.split(" ").length == 5 ? "0 " + cron : cron;
    }

    private static Optional<String> cronProblem(String cron) {
        String[] fields = cron.split(" ");
        if (!cron.startsWith("@") && fields.length != 5 && (fields.length != 6 || !ONE_SECOND.matcher(fields[0]).matches())) {
            return Optional.of("'" + PrintableText.of(cron, 120) + "' has " + fields.length + " fields; use " + CRON_FORMS);
        }
        try {
            CronExpression parsed = CronExpression.parse(springForm(cron));
            if (parsed.next(java.time.LocalDateTime.of(2001, 1, 1, 0, 0)) == null) {
                return Optional.of("'" + cron + "' never matches a date");
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("'" + PrintableText.of(cron, 120) + "' is not a valid cron expression (" + e.getMessage()
                    + "); use " + CRON_FORMS);
        }
    }

    private static <E extends Enum<E>> E policy(Class<E> type, String value, E fallback, String field, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new InputError(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + ", not '" + PrintableText.of(value, 40) + "'"));
            return fallback;
        }
    }
}
