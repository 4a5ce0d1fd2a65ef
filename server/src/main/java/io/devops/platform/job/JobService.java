package io.devops.platform.job;

import io.devops.platform.catalog.TemplatePlan;
import io.devops.platform.catalog.TemplatePlans;
import io.devops.platform.identity.AuditTrail;
import io.devops.platform.identity.CurrentActor;
import io.devops.platform.inventory.NodeTargets;
import io.devops.platform.catalog.BasedOn;
import io.devops.platform.job.JobVersion.JobItem;
import io.devops.platform.job.JobVersion.Target;
import io.devops.platform.job.JobVersion.TargetType;
import io.devops.platform.job.Jobs.JobHead;
import io.devops.platform.job.Jobs.NewVersion;
import io.devops.platform.shared.ConflictException;
import io.devops.platform.shared.DisplayName;
import io.devops.platform.shared.InvalidInputException;
import io.devops.platform.shared.InvalidInputException.InputError;
import io.devops.platform.shared.NotFoundException;
import io.devops.platform.shared.PageQuery;
import io.devops.platform.shared.PageResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating jobs and their versions: every edit appends a version, and every version stays runnable. */
@Service
@Transactional
class JobService {

    static final int MAX_ITEMS = 50;
    /** Job names were up to 128 characters before the shared 64-character rule: those stay editable. */
    private static final int MAX_NAME_LENGTH = 128;

    private final Jobs jobs;
    private final TemplatePlans templates;
    private final NodeTargets targets;
    private final AuditTrail audit;
    private final Clock clock;
    private final JobAccess access;

    JobService(Jobs jobs, TemplatePlans templates, NodeTargets targets, AuditTrail audit, Clock clock, JobAccess access) {
        this.jobs = jobs;
        this.access = access;
        this.templates = templates;
        this.targets = targets;
        this.audit = audit;
        this.clock = clock;
    }

    JobVersion create(NewVersion draft) {
        Long tenant = access.tenantFor(draft);
        check(draft, 0);
        Instant now = clock.instant();
        long jobId = jobs.insertJob(draft.name(), now, CurrentActor.name());
        jobs.insertVersion(jobId, 1, draft, now, CurrentActor.name());
        jobs.setTenant(jobId, tenant);
        JobVersion created = get(jobId, null);
        audit.recordInTenant(tenant, "job.created", "job", jobId, "Created job " + draft.name(), null, created);
        return created;
    }

    /** A new version; refused when the change was based on another version than the newest. */
    JobVersion update(long jobId, NewVersion draft, BasedOn basedOn) {
        access.requireOperable(jobId);
        JobHead head = liveHead(jobId);
        basedOn.check("Job " + head.name(), head.latestVersion());
        Long tenant = access.tenantFor(draft);
        check(draft, jobId);
        JobVersion before = get(jobId, null);
        Long tenantBefore = jobs.tenantOf(jobId).orElse(null);
        jobs.insertVersion(jobId, head.latestVersion() + 1, draft, clock.instant(), CurrentActor.name());
        jobs.setTenant(jobId, tenant);
        JobVersion after = get(jobId, null);
        if (tenantBefore != null && !tenantBefore.equals(tenant)) {
            // The tenant that loses the job sees the change too.
            audit.recordInTenant(tenantBefore, "job.updated", "job", jobId, "Saved version " + after.version() + " of job "
                    + after.name() + ", which moved it out of this tenant", before, null);
        }
        audit.recordInTenant(tenant, "job.updated", "job", jobId, "Saved version " + after.version() + " of job " + after.name(), before, after);
        return after;
    }

    /** Soft: the job leaves lists and cannot be run again, but its versions and runs stay readable. */
    void delete(long jobId, BasedOn basedOn) {
        access.requireOperable(jobId);
        JobHead head = liveHead(jobId);
        basedOn.check("Job " + head.name(), head.latestVersion());
        jobs.markDeleted(jobId, clock.instant(), CurrentActor.name());
        audit.recordInTenant(jobs.tenantOf(jobId).orElse(null), "job.deleted", "job", jobId, "Deleted job " + head.name(), head, null);
    }

    @Transactional(readOnly = true)
    JobVersion get(long jobId, Integer version) {
        access.requireVisible(jobId);
        JobHead head = jobs.head(jobId).orElseThrow(() -> new NotFoundException("Job", jobId));
        int wanted = version == null ? head.latestVersion() : version;
        return jobs.version(jobId, wanted).map(this::withTemplateNames)
                .orElseThrow(() -> new NotFoundException("Version " + wanted + " of job " + jobId + " does not exist"));
    }

    @Transactional(readOnly = true)
    List<JobVersion> versions(long jobId) {
        access.requireVisible(jobId);
        jobs.head(jobId).orElseThrow(() -> new NotFoundException("Job", jobId));
        return jobs.versionNumbers(jobId).stream().map(version -> get(jobId, version)).toList();
    }

    @Transactional(readOnly = true)
    PageResult<JobVersion> page(String name, PageQuery query) {
        return jobs.page(name, access.listCondition(), query).map(head -> get(head.id(), null));
    }

    private JobHead liveHead(long jobId) {
        JobHead head = jobs.head(jobId).orElseThrow(() -> new NotFoundException("Job", jobId));
        if (head.deleted()) {
            throw new ConflictException("Job " + head.name() + " was deleted; its versions stay readable but cannot change");
        }
        return head;
    }

    private JobVersion withTemplateNames(JobVersion version) {
        List<JobItem> items = version.items().stream().map(item -> templates.plan(item.templateId())
                        .map(plan -> new JobItem(item.sequence(), item.templateId(), plan.name(), plan.version(), item.targets()))
                        .orElse(item))
                .toList();
        return new JobVersion(version.jobId(), version.version(), version.versionId(), version.latest(), version.name(),
                version.comments(), version.failurePolicy(), items, version.createdAt(), version.createdBy(), version.parameters());
    }

    private void check(NewVersion draft, long exceptJobId) {
        String name = DisplayName.check("name", draft.name(), MAX_NAME_LENGTH);
        if (jobs.nameTaken(name, exceptJobId)) {
            throw DisplayName.duplicate("job", name);
        }
        if (draft.items().isEmpty() || draft.items().size() > MAX_ITEMS) {
            throw new InvalidInputException("items", "a job has between 1 and " + MAX_ITEMS + " items");
        }
        JobParameters.check(draft.parameters());
        List<InputError> errors = new ArrayList<>();
        for (JobItem item : draft.items()) {
            String where = "items[" + (item.sequence() - 1) + "]";
            Optional<TemplatePlan> plan = templates.plan(item.templateId());
            if (plan.isEmpty()) {
                errors.add(new InputError(where + ".templateId", "template " + item.templateId() + " does not exist"));
            }
            if (item.targets().isEmpty()) {
                errors.add(new InputError(where + ".targets", "name at least one node or node pool"));
            }
            var resolution = targets.resolve(ids(item, TargetType.NODE), ids(item, TargetType.NODE_POOL));
            resolution.problems().stream().filter(problem -> problem.endsWith("does not exist"))
                    .forEach(problem -> errors.add(new InputError(where + ".targets", problem)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.get(0).field() + ": " + errors.get(0).message()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""), errors);
        }
    }

    private static List<Long> ids(JobItem item, TargetType type) {
        return item.targets().stream().filter(target -> target.type() == type).map(Target::id).toList();
    }
}
