package io.devops.platform.execution.run;

import static io.devops.platform.execution.run.RunStatus.CANCELLED;
import static io.devops.platform.execution.run.RunStatus.FAILED;
import static io.devops.platform.execution.run.RunStatus.INTERRUPTED;
import static io.devops.platform.execution.run.RunStatus.PENDING_APPROVAL;
import static io.devops.platform.execution.run.RunStatus.QUEUED;
import static io.devops.platform.execution.run.RunStatus.RUNNING;
import static io.devops.platform.execution.run.RunStatus.SKIPPED;
import static io.devops.platform.execution.run.RunStatus.SUCCEEDED;
import static io.devops.platform.execution.run.RunStatus.UNREACHABLE;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The status machines of a run, its steps and its nodes' results in each step, as tables: which
 * status each status may become. Every status write is a conditional UPDATE whose WHERE clause
 * names the sources of its target in the table, so a write that finds its row in another status
 * changes nothing, and the writer learns it from the count.
 */
enum StatusTable {

    /**
     * {@code runs.status}. A FAILED or INTERRUPTED run is queued again by a resume. A run that needs
     * approval starts PENDING_APPROVAL: approved it is queued, rejected (or withdrawn) it is cancelled.
     */
    RUNS(EnumSet.of(QUEUED, PENDING_APPROVAL), Map.of(
            PENDING_APPROVAL, EnumSet.of(QUEUED, CANCELLED),
            QUEUED, EnumSet.of(RUNNING, CANCELLED, FAILED, INTERRUPTED),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, CANCELLED, INTERRUPTED),
            FAILED, EnumSet.of(QUEUED),
            INTERRUPTED, EnumSet.of(QUEUED, CANCELLED),
            SUCCEEDED, EnumSet.noneOf(RunStatus.class),
            CANCELLED, EnumSet.noneOf(RunStatus.class))),

    /**
     * {@code run_tasks.status}: a step runs once per execution at most. A resume queues again every
     * step that did not succeed; a SUCCEEDED step runs again (for the nodes that got through the
     * earlier steps since) when a resumed run reaches it with such nodes.
     */
    STEPS(EnumSet.of(QUEUED), Map.of(
            QUEUED, EnumSet.of(RUNNING, SKIPPED, CANCELLED, INTERRUPTED),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, UNREACHABLE, CANCELLED, INTERRUPTED),
            SUCCEEDED, EnumSet.of(RUNNING),
            FAILED, EnumSet.of(QUEUED),
            UNREACHABLE, EnumSet.of(QUEUED),
            SKIPPED, EnumSet.of(QUEUED),
            CANCELLED, EnumSet.of(QUEUED),
            INTERRUPTED, EnumSet.of(QUEUED))),

    /**
     * {@code run_host_results.status}: a node's row appears when it starts the step (RUNNING) or
     * when it cannot reach the step because it did not get through an earlier one (SKIPPED). A
     * resume queues every row that did not succeed; SUCCEEDED is never taken back.
     */
    NODE_RESULTS(EnumSet.of(RUNNING, SKIPPED), Map.of(
            QUEUED, EnumSet.of(RUNNING, SKIPPED, CANCELLED, INTERRUPTED),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, UNREACHABLE, CANCELLED, INTERRUPTED),
            SUCCEEDED, EnumSet.noneOf(RunStatus.class),
            FAILED, EnumSet.of(QUEUED),
            UNREACHABLE, EnumSet.of(QUEUED),
            SKIPPED, EnumSet.of(QUEUED),
            CANCELLED, EnumSet.of(QUEUED),
            INTERRUPTED, EnumSet.of(QUEUED)));

    private final Set<RunStatus> initial;
    private final Map<RunStatus, Set<RunStatus>> allowed;

    StatusTable(Set<RunStatus> initial, Map<RunStatus, Set<RunStatus>> allowed) {
        this.initial = Collections.unmodifiableSet(initial);
        this.allowed = Map.copyOf(allowed);
    }

    /** The statuses a row of this table may have. */
    Set<RunStatus> states() {
        return Collections.unmodifiableSet(EnumSet.copyOf(allowed.keySet()));
    }

    /** The statuses a row is written with when it first appears. */
    Set<RunStatus> initial() {
        return initial;
    }

    boolean allows(RunStatus from, RunStatus to) {
        return allowed.getOrDefault(from, Set.of()).contains(to);
    }

    /** The statuses a row may come from to reach {@code target}. */
    Set<RunStatus> sourcesOf(RunStatus target) {
        Set<RunStatus> sources = EnumSet.noneOf(RunStatus.class);
        allowed.forEach((from, targets) -> {
            if (targets.contains(target)) {
                sources.add(from);
            }
        });
        return sources;
    }

    /** {@link #sourcesOf} as SQL string literals for an {@code IN (…)}: enum names only, nothing from outside. */
    String sourcesSql(RunStatus target) {
        List<String> names = sourcesOf(target).stream().map(status -> "'" + status.name() + "'").toList();
        if (names.isEmpty()) {
            throw new IllegalStateException(name() + ": nothing may become " + target);
        }
        return String.join(", ", names);
    }
}
