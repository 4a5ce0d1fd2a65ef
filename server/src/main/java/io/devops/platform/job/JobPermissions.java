package io.devops.platform.job;

import io.devops.platform.shared.NotFoundException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What other modules check of a job on behalf of the caller (schedules belong to their job): a job
 * that does not exist, was deleted or is another tenant's is a 404; one the caller only views is a 403.
 */
@Component
public class JobPermissions {

    private final Jobs jobs;
    private final JobAccess access;

    JobPermissions(Jobs jobs, JobAccess access) {
        this.jobs = jobs;
        this.access = access;
    }

    /** The job's tenant (empty: the operations team's), once the caller is checked to see it. */
    public Optional<Long> requireVisible(long jobId) {
        requireExisting(jobId);
        access.requireVisible(jobId);
        return jobs.tenantOf(jobId);
    }

    /** The job's tenant (empty: the operations team's), once the caller is checked to change it. */
    public Optional<Long> requireOperable(long jobId) {
        requireExisting(jobId);
        access.requireOperable(jobId);
        return jobs.tenantOf(jobId);
    }

    private void requireExisting(long jobId) {
        if (jobs.head(jobId).filter(head -> !head.deleted()).isEmpty()) {
            throw new NotFoundException("Job", jobId);
        }
    }
}
