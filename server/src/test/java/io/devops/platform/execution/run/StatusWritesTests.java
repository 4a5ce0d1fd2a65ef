package io.devops.platform.execution.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.devops.platform.execution.run.RunContents.HostResult;
import io.devops.platform.execution.run.RunContents.RunNode;
import io.devops.platform.execution.run.Runs.NewRun;
import io.devops.platform.support.ApiTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The status writes in the database follow the tables: every pair of statuses of runs, steps and
 * node results is tried through the repositories, and a write changes its row exactly when the
 * table allows the move (a forbidden one is raised, or changes nothing where that is its contract).
 * Writes of an execution that no longer owns its run change nothing.
 */
class StatusWritesTests extends ApiTest {

    private static final String EXECUTOR = "walker:1";
    private static final long NODE = 7;

    @Autowired
    Runs runs;
    @Autowired
    RunContents contents;
    @Autowired
    JdbcClient jdbc;

    private final List<Long> created = new ArrayList<>();

    /** The made-up runs end, so that no instance started later on the same database picks up a queued one. */
    @AfterEach
    void endTheRuns() {
        if (!created.isEmpty()) {
            jdbc.sql("UPDATE runs SET status = 'CANCELLED' WHERE id IN (:ids)").param("ids", created).update();
        }
    }

    @Test
    void everyRunStatusWriteChangesTheRunExactlyWhenTheTableAllowsIt() {
        for (RunStatus from : StatusTable.RUNS.states()) {
            for (RunStatus to : RunStatus.values()) {
                long runId = run(from, 1);
                boolean changed = to == RunStatus.RUNNING ? runs.start(runId, Instant.now(), EXECUTOR).isPresent()
                        : runs.transition(runId, EnumSet.allOf(RunStatus.class), to, "walk", Instant.now(), "test");
                assertThat(changed).as("run " + from + " -> " + to).isEqualTo(StatusTable.RUNS.allows(from, to));
                assertThat(runStatus(runId)).as("run " + from + " -> " + to).isEqualTo(changed ? to : from);
            }
        }
    }

    @Test
    void onlyTheOwningExecutionEndsARunningRunAndOnlyAsTheTableAllows() {
        for (RunStatus to : RunStatus.values()) {
            long runId = run(RunStatus.RUNNING, 2);
            assertThat(runs.end(RunFence.owner(runId, EXECUTOR, 1), to, "stale", Instant.now())).as("stale attempt -> " + to).isFalse();
            assertThat(runs.end(RunFence.owner(runId, "other:1", 2), to, "other", Instant.now())).as("other executor -> " + to).isFalse();
            assertThat(runStatus(runId)).isEqualTo(RunStatus.RUNNING);
            boolean ended = runs.end(RunFence.owner(runId, EXECUTOR, 2), to, "owner", Instant.now());
            assertThat(ended).as("owner: RUNNING -> " + to).isEqualTo(StatusTable.RUNS.allows(RunStatus.RUNNING, to));
            assertThat(runStatus(runId)).isEqualTo(ended ? to : RunStatus.RUNNING);
        }
    }

    @Test
    void everyStepStatusWriteChangesTheStepExactlyWhenTheTableAllowsItAndRaisesOtherwise() {
        for (RunStatus from : StatusTable.STEPS.states()) {
            for (RunStatus to : RunStatus.values()) {
                // A resume queues steps again right after it queued the run; the execution writes every other move.
                long runId = run(to == RunStatus.QUEUED ? RunStatus.QUEUED : RunStatus.RUNNING, 1);
                long taskId = task(runId, from);
                Throwable raised = catchThrowable(() -> moveStep(runId, taskId, to));
                boolean allowed = StatusTable.STEPS.allows(from, to);
                assertThat(stepStatus(taskId)).as("step " + from + " -> " + to).isEqualTo(allowed ? to : from);
                if (allowed || to == RunStatus.QUEUED) {
                    assertThat(raised).as("step " + from + " -> " + to).isNull();
                } else if (!StatusTable.STEPS.states().contains(to)) {
                    assertThat(raised).as("a run's own status").isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("nothing may become " + to);
                } else {
                    assertThat(raised).as("step " + from + " -> " + to).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("found " + from);
                }
            }
        }
    }

    @Test
    void everyNodeResultWriteChangesTheRowExactlyWhenTheTableAllowsItAndANewRowStartsOnlyAsRunningOrSkipped() {
        List<RunStatus> froms = new ArrayList<>(StatusTable.NODE_RESULTS.states());
        froms.add(null); // no row yet
        for (RunStatus from : froms) {
            for (RunStatus to : RunStatus.values()) {
                long runId = run(to == RunStatus.QUEUED ? RunStatus.QUEUED : RunStatus.RUNNING, 1);
                long taskId = task(runId, RunStatus.RUNNING);
                if (from != null) {
                    nodeRow(taskId, from);
                }
                Throwable raised = catchThrowable(() -> moveNode(runId, taskId, to));
                boolean allowed = from == null ? to != RunStatus.QUEUED && StatusTable.NODE_RESULTS.initial().contains(to)
                        : StatusTable.NODE_RESULTS.allows(from, to);
                assertThat(nodeStatus(taskId)).as("node " + from + " -> " + to).isEqualTo(Optional.ofNullable(allowed ? to : from));
                if (allowed || to == RunStatus.QUEUED) {
                    assertThat(raised).as("node " + from + " -> " + to).isNull();
                } else {
                    assertThat(raised).as("node " + from + " -> " + to).isInstanceOf(IllegalStateException.class);
                }
            }
        }
    }

    @Test
    void closingARunClosesOnlyWhatIsOpenAsItsEndingSays() {
        Map<RunStatus, Map<RunStatus, RunStatus>> closing = Map.of(
                RunStatus.CANCELLED, Map.of(RunStatus.QUEUED, RunStatus.CANCELLED, RunStatus.RUNNING, RunStatus.CANCELLED),
                RunStatus.INTERRUPTED, Map.of(RunStatus.QUEUED, RunStatus.INTERRUPTED, RunStatus.RUNNING, RunStatus.INTERRUPTED),
                RunStatus.FAILED, Map.of(RunStatus.QUEUED, RunStatus.SKIPPED, RunStatus.RUNNING, RunStatus.FAILED));
        closing.forEach((ending, moves) -> {
            for (RunStatus from : StatusTable.STEPS.states()) {
                long runId = run(RunStatus.RUNNING, 1);
                long taskId = task(runId, from);
                nodeRow(taskId, from);
                contents.closeOpenTasks(RunFence.owner(runId, EXECUTOR, 1), ending, "closed", Instant.now());
                RunStatus expected = moves.getOrDefault(from, from);
                assertThat(stepStatus(taskId)).as(ending + ": step " + from).isEqualTo(expected);
                assertThat(nodeStatus(taskId)).as(ending + ": node " + from).contains(expected);
            }
        });
    }

    @Test
    void anExecutionThatLostItsRunChangesNothingOnceTheRunIsResumedAndRunningAgain() {
        long runId = run(RunStatus.QUEUED, 0);
        long taskId = task(runId, RunStatus.QUEUED);
        RunFence first = runs.start(runId, Instant.now(), EXECUTOR).orElseThrow();
        contents.taskStarted(first, taskId, List.of(node()), Instant.now());
        // Its instance was presumed dead: the run was interrupted, resumed and taken by a new execution (on the same instance).
        assertThat(runs.transition(runId, EnumSet.of(RunStatus.RUNNING), RunStatus.INTERRUPTED, "no heartbeat", Instant.now(), "test"))
                .isTrue();
        contents.closeOpenTasks(RunFence.whileRunIs(runId, RunStatus.INTERRUPTED), RunStatus.INTERRUPTED, "no heartbeat", Instant.now());
        assertThat(runs.transition(runId, EnumSet.of(RunStatus.INTERRUPTED), RunStatus.QUEUED, "resumed", Instant.now(), "test")).isTrue();
        contents.reopenUnfinishedTasks(RunFence.whileRunIs(runId, RunStatus.QUEUED));
        RunFence second = runs.start(runId, Instant.now(), EXECUTOR).orElseThrow();
        assertThat(second.attempt()).isEqualTo(first.attempt() + 1);
        contents.taskStarted(second, taskId, List.of(node()), Instant.now());

        // The first execution comes back and tries to finish what it had started.
        assertThatThrownBy(() -> contents.saveHostResults(first, taskId, List.of(result(RunStatus.SUCCEEDED)), Instant.now()))
                .isInstanceOf(RunMovedOnException.class);
        assertThatThrownBy(() -> contents.taskFinished(first, taskId, RunStatus.SUCCEEDED, 0, null, null, Instant.now()))
                .isInstanceOf(RunMovedOnException.class);
        assertThatThrownBy(() -> contents.skipNodes(first, task(runId, RunStatus.QUEUED), List.of(node()), Map.of(), Instant.now()))
                .isInstanceOf(RunMovedOnException.class);
        contents.closeOpenTasks(first, RunStatus.FAILED, "stale", Instant.now());
        assertThat(runs.end(first, RunStatus.SUCCEEDED, null, Instant.now())).isFalse();
        assertThat(runs.owns(first)).isFalse();
        assertThat(stepStatus(taskId)).isEqualTo(RunStatus.RUNNING);
        assertThat(nodeStatus(taskId)).contains(RunStatus.RUNNING);
        assertThat(runStatus(runId)).isEqualTo(RunStatus.RUNNING);

        // The new owner's writes go through.
        contents.saveHostResults(second, taskId, List.of(result(RunStatus.FAILED)), Instant.now());
        contents.taskFinished(second, taskId, RunStatus.FAILED, 2, "failed", null, Instant.now());
        assertThat(runs.end(second, RunStatus.FAILED, "failed", Instant.now())).isTrue();
        assertThat(nodeStatus(taskId)).contains(RunStatus.FAILED);
        assertThat(runStatus(runId)).isEqualTo(RunStatus.FAILED);
    }

    private void moveStep(long runId, long taskId, RunStatus to) {
        RunFence owner = RunFence.owner(runId, EXECUTOR, 1);
        switch (to) {
            case QUEUED -> contents.reopenUnfinishedTasks(RunFence.whileRunIs(runId, RunStatus.QUEUED));
            case RUNNING -> contents.taskStarted(owner, taskId, List.of(), Instant.now());
            default -> contents.taskFinished(owner, taskId, to, null, "walk", null, Instant.now());
        }
    }

    private void moveNode(long runId, long taskId, RunStatus to) {
        if (to == RunStatus.QUEUED) {
            contents.reopenUnfinishedTasks(RunFence.whileRunIs(runId, RunStatus.QUEUED));
        } else {
            contents.saveHostResults(RunFence.owner(runId, EXECUTOR, 1), taskId, List.of(result(to)), Instant.now());
        }
    }


    private long run(RunStatus status, int attempt) {
        long runId = runs.insert(new NewRun(1, 1, 1, unique("walk"), "CONTINUE", "admin", null, "RUN"), Instant.now());
        created.add(runId);
        jdbc.sql("UPDATE runs SET status = ?, executor = ?, attempt = ? WHERE id = ?").params(status.name(), EXECUTOR, attempt, runId)
                .update();
        return runId;
    }

    private long task(long runId, RunStatus status) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO run_items (run_id, sequence, template_id, template_name, template_version) VALUES (?, ?, 1, 'walk', 1)")
                .params(runId, (int) (System.nanoTime() % 1_000_000)).update(keys, "id");
        var task = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO run_tasks (run_id, run_item_id, sequence, task_type, dispatch, steps, reports, status)
                VALUES (?, ?, 1, 'SHELL', 'ANSIBLE', '[]', '[]', ?)""")
                .params(runId, keys.getKey().longValue(), status.name()).update(task, "id");
        return task.getKey().longValue();
    }

    private void nodeRow(long taskId, RunStatus status) {
        jdbc.sql("INSERT INTO run_host_results (run_task_id, node_id, ip, status) VALUES (?, ?, '127.9.9.9', ?)")
                .params(taskId, NODE, status.name()).update();
    }

    private RunStatus runStatus(long runId) {
        return RunStatus.valueOf(jdbc.sql("SELECT status FROM runs WHERE id = ?").param(runId).query(String.class).single());
    }

    private RunStatus stepStatus(long taskId) {
        return RunStatus.valueOf(jdbc.sql("SELECT status FROM run_tasks WHERE id = ?").param(taskId).query(String.class).single());
    }

    private Optional<RunStatus> nodeStatus(long taskId) {
        return jdbc.sql("SELECT status FROM run_host_results WHERE run_task_id = ? AND node_id = ?").params(taskId, NODE)
                .query(String.class).optional().map(RunStatus::valueOf);
    }

    private static RunNode node() {
        return new RunNode(NODE, "127.9.9.9", "walk", 22, "root", 1, "walk", null, null);
    }

    private static HostResult result(RunStatus status) {
        return new HostResult(NODE, "127.9.9.9", status, null, 0, 0, 0, 0, null, "walk");
    }
}
