package io.devops.platform.execution.run;

import java.util.List;

/**
 * Whose write to a run's steps and node results it is: the execution that owns the run (the one
 * that moved it to RUNNING, on {@code executor}, as {@code attempt}), or, with no owner, whoever
 * just moved the run to {@code status} (a user's cancel, recovery). A write under a fence changes
 * nothing once the run is elsewhere: an execution that lost its run (its instance was presumed
 * dead, the run interrupted and resumed) cannot overwrite what the run's new owner writes.
 */
public record RunFence(long runId, RunStatus status, String executor, int attempt) {

    static RunFence owner(long runId, String executor, int attempt) {
        return new RunFence(runId, RunStatus.RUNNING, executor, attempt);
    }

    static RunFence whileRunIs(long runId, RunStatus status) {
        return new RunFence(runId, status, null, 0);
    }

    boolean owned() {
        return executor != null;
    }

    /** The condition for a WHERE clause, its parameters being {@link #params()}, in order. */
    String sql() {
        return "EXISTS (SELECT 1 " + from() + ")";
    }

    /**
     * The run's row if the fence holds, none otherwise (to lock it, so that the fence holds until a
     * commit); public for the log, whose chunks are inserted under the owner's fence.
     */
    public String from() {
        return "FROM runs guard_run WHERE guard_run.id = ? AND guard_run.status = ?"
                + (owned() ? " AND guard_run.executor = ? AND guard_run.attempt = ?" : "");
    }

    /** The parameters of {@link #sql()} and {@link #from()}, in order. */
    public List<Object> params() {
        return owned() ? List.of(runId, status.name(), executor, attempt) : List.of(runId, status.name());
    }

    @Override
    public String toString() {
        return "run " + runId + (owned() ? " attempt " + attempt + " on " + executor : " while " + status);
    }
}
