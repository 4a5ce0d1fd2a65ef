package io.devops.platform.execution;

import io.devops.platform.execution.run.Runs;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The execution module's entry point for runs that the platform starts by itself (job schedules):
 * the run names its starter, e.g. {@code schedule:12}, as its {@code executedBy}, and the starter
 * can ask which of its runs have not ended yet (its overlap policy).
 */
@Service
public class ScheduledRuns {

    /** The kind of a run started by a schedule (a manual start is {@code RUN}). */
    public static final String KIND = "SCHEDULED";

    private final RunStarter starter;
    private final Runs runs;

    ScheduledRuns(RunStarter starter, Runs runs) {
        this.starter = starter;
        this.runs = runs;
    }

    /**
     * Starts the job's latest version as {@code starterName}, in the caller's transaction; refused
     * (404 / 409 exceptions) exactly as a manual start would be: a deleted job, locked targets.
     */
    public long start(long jobId, String starterName) {
        return starter.start(jobId, null, starterName, KIND).id();
    }

    /**
     * A repair's re-acceptance run of its drained node: as {@link #start}, and the one start a node
     * in REPAIR takes (every other start refuses drained nodes).
     */
    public long startReacceptance(long jobId, String starterName) {
        return starter.startReacceptance(jobId, starterName, KIND).id();
    }

    /** The runs {@code starterName} started that are queued or running, oldest first. */
    public List<ActiveRun> active(String starterName) {
        return runs.activeStartedBy(starterName).stream().map(run -> new ActiveRun(run.id(), run.status().name())).toList();
    }

    /** A run that has not ended: {@code status} QUEUED or RUNNING. */
    public record ActiveRun(long id, String status) {
    }
}
