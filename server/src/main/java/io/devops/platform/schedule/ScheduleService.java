package io.devops.platform.schedule;

import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.job.JobPermissions;
import io.devops.platform.shared.ExpectedVersion;
import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.StaleVersionException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules as users change them. A schedule is its job's: whoever sees the job sees its schedules,
 * whoever may change the job may change them. A new, changed or resumed schedule starts from now
 * (nothing missed is caught up).
 */
@Service
@Transactional
class ScheduleService {

    private final Schedules schedules;
    private final JobPermissions jobs;
    private final AuditTrail audit;
    private final Clock clock;

    ScheduleService(Schedules schedules, JobPermissions jobs, AuditTrail audit, Clock clock) {
        this.schedules = schedules;
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<Schedule> ofJob(long jobId) {
        jobs.requireVisible(jobId);
        return schedules.ofJob(jobId);
    }

    @Transactional(readOnly = true)
    Schedule get(long id) {
        return visible(id);
    }

    Schedule create(long jobId, ScheduleSettings settings) {
        Long tenant = jobs.requireOperable(jobId).orElse(null);
        Instant now = clock.instant();
        long id = schedules.insert(jobId, settings, settings.firstStart(now).orElse(null), now, CurrentActor.name());
        Schedule created = schedules.get(id).orElseThrow();
        audit.recordInTenant(tenant, "schedule.created", "schedule", id, "Scheduled job " + jobId + " (" + describe(settings) + ")",
                null, ScheduleView.of(created));
        return created;
    }

    Schedule update(long id, ExpectedVersion expected, ScheduleSettings settings) {
        Schedule before = visible(id);
        Long tenant = jobs.requireOperable(before.jobId()).orElse(null);
        Instant now = clock.instant();
        schedules.update(id, expected, settings, settings.firstStart(now).orElse(null), now, CurrentActor.name());
        Schedule after = schedules.get(id).orElseThrow();
        audit.recordInTenant(tenant, "schedule.updated", "schedule", id, "Changed schedule " + id + " of job " + before.jobId()
                + " (" + describe(settings) + ")", ScheduleView.of(before), ScheduleView.of(after));
        return after;
    }

    void delete(long id, ExpectedVersion expected) {
        Schedule before = visible(id);
        Long tenant = jobs.requireOperable(before.jobId()).orElse(null);
        if (!expected.isAny() && expected.value() != before.version()) {
            throw new StaleVersionException("Schedule " + id, expected.value(), before.version());
        }
        schedules.delete(id);
        audit.recordInTenant(tenant, "schedule.deleted", "schedule", id, "Deleted schedule " + id + " of job " + before.jobId(),
                ScheduleView.of(before), null);
    }

    /** Another tenant's schedule, or one of a deleted job, reads as a schedule that does not exist. */
    private Schedule visible(long id) {
        Schedule schedule = schedules.get(id).orElseThrow(() -> new NotFoundException("Schedule", id));
        try {
            jobs.requireVisible(schedule.jobId());
        } catch (NotFoundException hidden) {
            throw new NotFoundException("Schedule", id);
        }
        return schedule;
    }

    private static String describe(ScheduleSettings settings) {
        String when = settings.cron() != null ? "cron " + settings.cron() + " " + settings.timeZone()
                : "every " + settings.intervalSeconds() + " s";
        return when + (settings.enabled() ? "" : ", paused");
    }
}
