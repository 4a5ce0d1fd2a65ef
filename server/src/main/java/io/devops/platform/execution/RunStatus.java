package io.devops.platform.execution;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Statuses of runs, of their tasks (shown as steps) and of each host in a task. A run moves only
 * along {@link #ALLOWED}; SKIPPED and UNREACHABLE are for steps and hosts.
 */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED, INTERRUPTED, SKIPPED, UNREACHABLE;

    private static final Map<RunStatus, Set<RunStatus>> ALLOWED = Map.of(
            QUEUED, EnumSet.of(RUNNING, CANCELLED, FAILED, INTERRUPTED),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED, INTERRUPTED),
            FAILED, EnumSet.of(QUEUED),
            INTERRUPTED, EnumSet.of(QUEUED, CANCELLED),
            SUCCEEDED, EnumSet.noneOf(RunStatus.class),
            CANCELLED, EnumSet.noneOf(RunStatus.class));

    /** The statuses of a run that has not ended: it holds (or waits for) its nodes. */
    static Set<RunStatus> active() {
        Set<RunStatus> active = EnumSet.noneOf(RunStatus.class);
        ALLOWED.keySet().stream().filter(status -> !status.isFinal()).forEach(active::add);
        return active;
    }

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == INTERRUPTED;
    }

    /** The statuses a run may come from to reach {@code target}. */
    static Set<RunStatus> sourcesOf(RunStatus target) {
        Set<RunStatus> sources = EnumSet.noneOf(RunStatus.class);
        ALLOWED.forEach((from, targets) -> {
            if (targets.contains(target)) {
                sources.add(from);
            }
        });
        return sources;
    }

    boolean canBecome(RunStatus next) {
        return ALLOWED.getOrDefault(this, Set.of()).contains(next);
    }
}
