package io.devops.platform.schedule;

import io.devops.platform.execution.ScheduledRuns.ActiveRun;
import io.devops.platform.schedule.ScheduleSettings.Missed;
import io.devops.platform.schedule.ScheduleSettings.Overlap;
import io.devops.platform.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the schedules whose time has come. Each start is claimed and made in one transaction: the
 * claim moves {@code next_start_at} on only where it still holds the planned start, so of several
 * instances exactly one starts it, and a start that fails to commit is not lost.
 */
@Component
class SchedulePoller {

    private static final Logger log = LoggerFactory.getLogger(SchedulePoller.class);

    private final Schedules schedules;
    private final JobStarter runs;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SchedulePoller(Schedules schedules, JobStarter runs, PlatformTransactionManager transactions, Clock clock) {
        this.schedules = schedules;
        this.runs = runs;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Deals with every start due now; answers how many this instance claimed. */
    int startDue() {
        Instant now = clock.instant();
        int claimed = 0;
        for (Schedule schedule : schedules.due(now)) {
            claimed += startOne(schedule, Due.of(schedule, now)) ? 1 : 0;
        }
        return claimed;
    }

    private boolean startOne(Schedule schedule, Due due) {
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> claimAndStart(schedule, due)));
        } catch (RuntimeException refused) {
            return recordRefusal(schedule, due, refused);
        }
    }

    /**
     * The run was refused (a deleted job, locked nodes) and everything rolled back: the start is
     * claimed again, without a run, and the reason kept.
     */
    private boolean recordRefusal(Schedule schedule, Due due, RuntimeException refused) {
        // A job that is gone (deleted) never runs again: its schedule stops rather than failing every period.
        boolean jobGone = refused instanceof NotFoundException;
        Due recorded = jobGone ? new Due(due.planned(), null, due.missed()) : due;
        String outcome = "not started: " + refused.getMessage() + (jobGone ? "; the schedule stops" : "");
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> claimAndRecord(schedule, recorded, null, outcome)));
        } catch (RuntimeException e) {
            log.warn("Schedule {}: the start planned at {} failed ({}) and could not be recorded: {}", schedule.id(),
                    due.planned(), refused.getMessage(), e.toString());
            return false;
        }
    }

    private boolean claimAndStart(Schedule schedule, Due due) {
        if (!schedules.claim(schedule.id(), due.planned(), due.following())) {
            return false; // another instance took this start
        }
        if (due.missed() && schedule.settings().missed() == Missed.SKIP) {
            return record(schedule, due, null, "skipped: missed while no server was running");
        }
        Optional<String> busy = busy(schedule);
        if (busy.isPresent()) {
            return record(schedule, due, null, "skipped: " + busy.get());
        }
        long runId = runs.start(schedule.jobId(), schedule.starter());
        return record(schedule, due, runId, "started run " + runId + (due.missed() ? ", once for the starts missed while no server was running" : ""));
    }

    /** Why the overlap policy holds this start back, if it does. */
    private Optional<String> busy(Schedule schedule) {
        List<ActiveRun> active = runs.active(schedule.starter());
        int allowed = schedule.settings().overlap() == Overlap.QUEUE_ONE ? 2 : 1;
        if (active.size() < allowed) {
            return Optional.empty();
        }
        return Optional.of(String.join(" and ", active.stream().map(run -> "run " + run.id() + " is " + run.status()).toList())
                + " (overlap " + schedule.settings().overlap() + ")");
    }

    private boolean claimAndRecord(Schedule schedule, Due due, Long runId, String outcome) {
        return schedules.claim(schedule.id(), due.planned(), due.following()) && record(schedule, due, runId, outcome);
    }

    private boolean record(Schedule schedule, Due due, Long runId, String outcome) {
        schedules.recordStart(schedule.id(), due.planned(), runId, outcome);
        log.info("Schedule {} of job {}, start planned at {}: {}", schedule.id(), schedule.jobId(), due.planned(), outcome);
        return true;
    }

    /**
     * One due start: planned at {@code planned}; missed when the start after it has come too (the
     * poller runs every few seconds, so only a time with no instance running leaves two behind);
     * {@code following} is the start the schedule moves on to (null: none before its end).
     */
    record Due(Instant planned, Instant following, boolean missed) {

        static Due of(Schedule schedule, Instant now) {
            Recurrence recurrence = schedule.settings().recurrence();
            Instant planned = schedule.nextStartAt();
            Optional<Instant> after = recurrence.next(planned);
            boolean missed = after.isPresent() && !after.get().isAfter(now);
            Optional<Instant> following = missed ? recurrence.nextAfter(planned, now) : after;
            Instant endsAt = schedule.settings().endsAt();
            return new Due(planned, following.filter(start -> endsAt == null || !start.isAfter(endsAt)).orElse(null), missed);
        }
    }
}
