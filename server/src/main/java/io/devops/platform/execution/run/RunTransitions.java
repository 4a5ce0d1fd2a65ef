package io.devops.platform.execution.run;

import io.devops.platform.execution.run.RunContents.HostResult;
import io.devops.platform.execution.run.RunContents.RunNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The run's state machine, in one place: every move of a run, of its steps and of its nodes' rows
 * in each step. Each move follows its {@link StatusTable} and is a conditional write, so a writer
 * that finds its row elsewhere changes nothing.
 *
 * <p>The execution that owns the run (it won QUEUED → RUNNING as the run's next attempt) writes
 * under the {@link RunFence} it got then; once the run is no longer its own (interrupted, resumed,
 * owned by a new attempt), its writes change nothing and raise {@link RunMovedOnException}. Anyone
 * else (a user's cancel or resume, recovery) first moves the run, then closes or reopens its steps
 * under a fence that holds only while the run stays where that move put it.
 */
@Component
public class RunTransitions {

    private final Runs runs;
    private final RunContents contents;
    private final ObjectProvider<RunEndObserver> endObservers;

    RunTransitions(Runs runs, RunContents contents, ObjectProvider<RunEndObserver> endObservers) {
        this.runs = runs;
        this.contents = contents;
        this.endObservers = endObservers;
    }

    /** QUEUED → RUNNING on {@code executor}, as the run's next attempt; empty when another execution won, or the run moved. */
    public Optional<RunFence> start(long runId, Instant at, String executor) {
        return runs.start(runId, at, executor);
    }

    /** Whether the fence's execution still owns its run. */
    public boolean owns(RunFence owner) {
        return runs.owns(owner);
    }

    /** The step starts (again) on these nodes: the step and each node's row become RUNNING. */
    public void stepStarted(RunFence owner, long taskId, List<RunNode> nodes, Instant at) {
        contents.taskStarted(owner, taskId, nodes, at);
    }

    /** These nodes did not get through an earlier step: their rows in this one are SKIPPED, each with its reason. */
    public void nodesSkipped(RunFence owner, long taskId, List<RunNode> nodes, Map<Long, String> reasons, Instant at) {
        contents.skipNodes(owner, taskId, nodes, reasons, at);
    }

    /** The step has no node to run on: it is SKIPPED, with why. */
    public void stepSkipped(RunFence owner, long taskId, String reason, Instant at) {
        contents.taskFinished(owner, taskId, RunStatus.SKIPPED, null, reason, null, at);
    }

    /** The step ended: each node's row gets its result, then the step its status. */
    public void stepFinished(RunFence owner, long taskId, RunStatus status, Integer exitCode, String message,
                             List<HostResult> hosts, Instant startedAt, Instant at) {
        contents.saveHostResults(owner, taskId, hosts, at);
        contents.taskFinished(owner, taskId, status, exitCode, message, startedAt, at);
    }

    /**
     * The owning execution ends its run {@code ending}: the steps and node rows still open are closed
     * with {@code closing}, then the run moves. False (and the run is not moved) when it no longer owns it.
     */
    public boolean end(RunFence owner, RunStatus ending, String message, String closing, Instant at) {
        contents.closeOpenTasks(owner, ending, closing, at);
        boolean ended = runs.end(owner, ending, message, at);
        if (ended) {
            announceEnd(owner.runId(), ending);
        }
        return ended;
    }

    /**
     * Anyone but the owning execution ends the run (a user's cancel, recovery's INTERRUPTED or
     * FAILED): it moves from one of {@code from} to {@code ending} as the table allows, and the steps and node rows
     * still open are closed with {@code closing}. False (and nothing changes) when the run was elsewhere.
     */
    public boolean endFrom(long runId, Set<RunStatus> from, RunStatus ending, String reason, String closing, Instant at, String by) {
        if (!runs.transition(runId, from, ending, reason, at, by)) {
            return false;
        }
        contents.closeOpenTasks(RunFence.whileRunIs(runId, ending), ending, closing, at);
        announceEnd(runId, ending);
        return true;
    }

    /**
     * Resume: the run moves from one of {@code from} back to QUEUED, and every step and node row that
     * did not succeed is queued again (what succeeded stays, and does not run again). False (and
     * nothing changes) when the run was elsewhere.
     */
    public boolean requeue(long runId, Set<RunStatus> from, String reason, Instant at, String by) {
        if (!runs.transition(runId, from, RunStatus.QUEUED, reason, at, by)) {
            return false;
        }
        contents.reopenUnfinishedTasks(RunFence.whileRunIs(runId, RunStatus.QUEUED));
        return true;
    }

    /** Every final move passes here once: the run's status changed by this conditional write alone. */
    private void announceEnd(long runId, RunStatus ending) {
        if (ending.isFinal()) {
            endObservers.orderedStream().forEach(observer -> observer.runEnded(runId));
        }
    }
}
