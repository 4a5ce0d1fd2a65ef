package io.devops.platform.schedule;

import io.devops.platform.execution.ScheduledRuns;
import io.devops.platform.execution.ScheduledRuns.ActiveRun;
import java.util.List;
import org.springframework.stereotype.Component;

/** How the poller starts runs (one seam, so that the poller's tests can record the starts instead). */
interface JobStarter {

    /** Starts the job's latest version as {@code starter}, in the caller's transaction; the new run's id. */
    long start(long jobId, String starter);

    /** The runs {@code starter} started that have not ended, oldest first. */
    List<ActiveRun> active(String starter);

    /** Through the execution module. */
    @Component
    class ThroughExecution implements JobStarter {

        private final ScheduledRuns runs;

        ThroughExecution(ScheduledRuns runs) {
            this.runs = runs;
        }

        @Override
        public long start(long jobId, String starter) {
            return runs.start(jobId, starter);
        }

        @Override
        public List<ActiveRun> active(String starter) {
            return runs.active(starter);
        }
    }
}
