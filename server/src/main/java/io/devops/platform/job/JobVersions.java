package io.devops.platform.job;

import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What runs read of jobs: one exact version (the latest when none is named). */
@Service
@Transactional(readOnly = true)
public class JobVersions {

    private final Jobs jobs;
    private final JobService service;
    private final JobAccess access;

    JobVersions(Jobs jobs, JobService service, JobAccess access) {
        this.jobs = jobs;
        this.access = access;
        this.service = service;
    }

    /** Empty when the job or that version does not exist, the job was deleted, or the caller may not see it. */
    public Optional<JobVersion> runnable(long jobId, Integer version) {
        return jobs.head(jobId).filter(head -> !head.deleted()).filter(head -> access.isVisible(jobId))
                .flatMap(head -> jobs.version(jobId, version == null ? head.latestVersion() : version))
                .map(found -> service.get(jobId, found.version()));
    }
}
