package io.devops.platform.execution.run;

import java.util.EnumSet;
import java.util.Set;

/**
 * Statuses of runs, of their tasks (shown as steps) and of each host in a task. Each moves only
 * along its {@link StatusTable}; SKIPPED and UNREACHABLE are for steps and hosts, PENDING_APPROVAL
 * for runs that wait for a second person before they are queued.
 */
public enum RunStatus {
    PENDING_APPROVAL, QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED, SKIPPED, UNREACHABLE;

    /** The statuses of a run that has not ended: it holds (or waits for) its nodes. */
    static Set<RunStatus> active() {
        Set<RunStatus> active = EnumSet.noneOf(RunStatus.class);
        StatusTable.RUNS.states().stream().filter(status -> !status.isFinal()).forEach(active::add);
        return active;
    }

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == INTERRUPTED;
    }

    /** The statuses a run may come from to reach {@code target}. */
    static Set<RunStatus> sourcesOf(RunStatus target) {
        return StatusTable.RUNS.sourcesOf(target);
    }

    boolean canBecome(RunStatus next) {
        return StatusTable.RUNS.allows(this, next);
    }
}
