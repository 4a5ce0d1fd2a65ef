package io.devops.platform.burnin;

import io.devops.platform.execution.ScheduledRuns;
import io.devops.platform.job.JobSpec;
import io.devops.platform.job.JobsAsCode;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** How the recurring burn-in starts runs (one seam, so that the poller's tests can record the starts instead). */
interface BurnInLauncher {

    /** Starts the tier's built-in template on these nodes (their IPs) of the pool, in the caller's transaction; the run's id. */
    long start(long poolId, String tier, List<String> nodeIps);

    /** The ids of the runs started for the pool that have not ended. */
    Set<Long> active(long poolId);

    /**
     * As a job of its own per pool ({@code spare-burn-in-pool-<id>}, a new version targeting the nodes
     * of each start) through the execution module, started as {@code spare-burn-in:<pool id>}.
     */
    @Component
    class ThroughJob implements BurnInLauncher {

        private final JobsAsCode jobs;
        private final ScheduledRuns runs;

        ThroughJob(JobsAsCode jobs, ScheduledRuns runs) {
            this.jobs = jobs;
            this.runs = runs;
        }

        @Override
        public long start(long poolId, String tier, List<String> nodeIps) {
            String name = "spare-burn-in-pool-" + poolId;
            String template = "Burn-in " + tier.toLowerCase(Locale.ROOT);
            List<JobSpec.Target> targets = nodeIps.stream().map(ip -> new JobSpec.Target(JobSpec.Target.NODE, ip)).toList();
            jobs.saveJob(new JobSpec(name, "Recurring burn-in of the idle nodes of node pool " + poolId + " (set on its page)", null,
                    List.of(), List.of(new JobSpec.Item(template, null, targets))));
            return runs.start(jobs.idNamed(name).orElseThrow(), starter(poolId));
        }

        @Override
        public Set<Long> active(long poolId) {
            return runs.active(starter(poolId)).stream().map(ScheduledRuns.ActiveRun::id).collect(Collectors.toSet());
        }

        private static String starter(long poolId) {
            return "spare-burn-in:" + poolId;
        }
    }
}
