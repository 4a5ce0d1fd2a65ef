package io.devops.platform.execution.run;

import io.devops.platform.catalog.PlannedStep;
import io.devops.platform.catalog.PlannedTask;
import io.devops.platform.inventory.NodeTargets.TargetNode;
import io.devops.platform.shared.DbTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a run executes, written once when it is created: its items, the nodes each item targets
 * and the tasks of each item, exactly as compiled; then the tasks' statuses and per-host results.
 */
@Repository
public class RunContents {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    RunContents(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    public void insertItem(long runId, SnapshotItem item) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO run_items (run_id, sequence, template_id, template_name, template_version) VALUES (?, ?, ?, ?, ?)")
                .params(runId, item.sequence(), item.templateId(), item.templateName(), item.templateVersion())
                .update(keys, "id");
        long itemId = keys.getKey().longValue();
        for (TargetNode node : item.nodes()) {
            jdbc.sql("""
                    INSERT INTO run_item_nodes (run_item_id, node_id, ip, hostname, ssh_port, ssh_user, node_pool_id, node_pool_name,
                                                node_credential_id, pool_credential_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(itemId, node.id(), node.ip(), node.hostname(), node.sshPort(), node.sshUser(), node.nodePoolId(),
                            node.nodePoolName(), node.nodeCredentialId(), node.poolCredentialId())
                    .update();
        }
        for (PlannedTask task : item.tasks()) {
            jdbc.sql("""
                    INSERT INTO run_tasks (run_id, run_item_id, sequence, task_type, dispatch, steps, playbook_task_id,
                                           shell_task_id, playbook, command, reports, run_as, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED')""")
                    .params(runId, itemId, task.sequence(), task.type().name(), task.dispatch().name(),
                            json.writeValueAsString(task.steps()), task.playbookTaskId(), task.shellTaskId(), task.playbook(),
                            task.command(), json.writeValueAsString(task.reports() == null ? List.of() : task.reports()),
                            task.runAs())
                    .update();
        }
    }

    /** The run's items in order, each with its nodes and tasks. */
    public List<RunItem> items(long runId) {
        Map<Long, List<RunNode>> nodes = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT n.* FROM run_item_nodes n JOIN run_items i ON i.id = n.run_item_id WHERE i.run_id = ? ORDER BY n.node_id""")
                .param(runId)
                .query(rs -> {
                    nodes.computeIfAbsent(rs.getLong("run_item_id"), k -> new ArrayList<>()).add(new RunNode(rs.getLong("node_id"),
                            rs.getString("ip"), rs.getString("hostname"), rs.getInt("ssh_port"), rs.getString("ssh_user"),
                            rs.getLong("node_pool_id"), rs.getString("node_pool_name"), nullableLong(rs, "node_credential_id"),
                            nullableLong(rs, "pool_credential_id")));
                });
        Map<Long, List<RunTask>> tasks = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM run_tasks WHERE run_id = ? ORDER BY run_item_id, sequence").param(runId)
                .query(rs -> {
                    tasks.computeIfAbsent(rs.getLong("run_item_id"), k -> new ArrayList<>()).add(new RunTask(rs.getLong("id"),
                            rs.getInt("sequence"), rs.getString("task_type"), rs.getString("dispatch"),
                            json.readValue(rs.getString("steps"), new TypeReference<List<PlannedStep>>() { }),
                            rs.getString("playbook"), rs.getString("command"),
                            json.readValue(rs.getString("reports"), new TypeReference<List<String>>() { }),
                            RunStatus.valueOf(rs.getString("status")), DbTime.read(rs, "started_at"),
                            DbTime.read(rs, "finished_at"), nullableLong(rs, "duration_ms"), rs.getString("message"),
                            rs.getString("run_as")));
                });
        return jdbc.sql("SELECT * FROM run_items WHERE run_id = ? ORDER BY sequence").param(runId)
                .query((rs, n) -> new RunItem(rs.getLong("id"), rs.getInt("sequence"), rs.getLong("template_id"),
                        rs.getString("template_name"), rs.getInt("template_version"),
                        nodes.getOrDefault(rs.getLong("id"), List.of()), tasks.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /**
     * The step starts (again) on these nodes: the step and each node's row become RUNNING, in one
     * transaction. A SUCCEEDED step starts again only for nodes that have not done it.
     */
    @Transactional
    void taskStarted(RunFence fence, long taskId, List<RunNode> nodes, Instant at) {
        stepTo(fence, taskId, RunStatus.RUNNING, "started_at = ?, finished_at = NULL, duration_ms = NULL, exit_code = NULL, message = NULL",
                DbTime.toDb(at));
        nodesTo(fence, taskId, nodes.stream().map(node -> new HostResult(node.nodeId(), node.ip(), RunStatus.RUNNING, null, 0, 0, 0, 0,
                null, null)).toList(), null);
    }

    void taskFinished(RunFence fence, long taskId, RunStatus status, Integer exitCode, String message, Instant startedAt, Instant at) {
        Long duration = startedAt == null ? null : java.time.Duration.between(startedAt, at).toMillis();
        stepTo(fence, taskId, status, "exit_code = ?, message = ?, finished_at = ?, duration_ms = ?",
                exitCode, truncate(message, 1000), DbTime.toDb(at), duration);
    }

    /** The step's result on each node it ran on: each node's RUNNING row gets its outcome, in one transaction. */
    @Transactional
    void saveHostResults(RunFence fence, long taskId, List<HostResult> results, Instant at) {
        nodesTo(fence, taskId, results, at);
    }

    /** These nodes do not take part in the step: they did not get through an earlier one (the reason, per node). */
    @Transactional
    void skipNodes(RunFence fence, long taskId, List<RunNode> nodes, Map<Long, String> reasons, Instant at) {
        nodesTo(fence, taskId, nodes.stream().map(node -> new HostResult(node.nodeId(), node.ip(), RunStatus.SKIPPED, null, 0, 0, 0, 0,
                null, reasons.get(node.nodeId()))).toList(), at);
    }

    /**
     * Closes the steps and node rows still open when the run ends {@code ending}: cancelled or
     * interrupted ones take that status; otherwise a running one FAILED and a queued one SKIPPED.
     */
    @Transactional
    void closeOpenTasks(RunFence fence, RunStatus ending, String message, Instant at) {
        for (RunStatus open : List.of(RunStatus.QUEUED, RunStatus.RUNNING)) {
            RunStatus closed = closing(open, ending);
            require(StatusTable.STEPS, open, closed);
            require(StatusTable.NODE_RESULTS, open, closed);
            jdbc.sql("UPDATE run_tasks SET status = ?, message = COALESCE(message, ?), finished_at = COALESCE(finished_at, ?)"
                            + " WHERE run_id = ? AND status = ? AND " + fence.sql())
                    .params(params(Arrays.asList(closed.name(), message, DbTime.toDb(at), fence.runId(), open.name()), fence)).update();
            jdbc.sql("UPDATE run_host_results SET status = ?, message = COALESCE(message, ?), finished_at = COALESCE(finished_at, ?)"
                            + " WHERE status = ? AND run_task_id IN (SELECT t.id FROM run_tasks t WHERE t.run_id = ?) AND " + fence.sql())
                    .params(params(Arrays.asList(closed.name(), message, DbTime.toDb(at), open.name(), fence.runId()), fence)).update();
        }
    }

    private static RunStatus closing(RunStatus open, RunStatus ending) {
        return switch (ending) {
            case CANCELLED, INTERRUPTED -> ending;
            default -> open == RunStatus.RUNNING ? RunStatus.FAILED : RunStatus.SKIPPED;
        };
    }

    /**
     * Resume: every step and every node row that did not succeed is queued again (what succeeded
     * stays certified and does not run again). Under {@code fence}: the run was just queued again.
     */
    @Transactional
    void reopenUnfinishedTasks(RunFence fence) {
        jdbc.sql("""
                UPDATE run_tasks SET status = 'QUEUED', started_at = NULL, finished_at = NULL, duration_ms = NULL,
                                     exit_code = NULL, message = NULL
                WHERE run_id = ? AND status IN (%s) AND %s""".formatted(StatusTable.STEPS.sourcesSql(RunStatus.QUEUED), fence.sql()))
                .params(params(List.of(fence.runId()), fence)).update();
        jdbc.sql("""
                UPDATE run_host_results SET status = 'QUEUED', rc = NULL, ok_count = 0, changed_count = 0, failed_count = 0,
                                            skipped_count = 0, duration_ms = NULL, message = NULL, finished_at = NULL
                WHERE status IN (%s) AND run_task_id IN (SELECT t.id FROM run_tasks t WHERE t.run_id = ?) AND %s"""
                        .formatted(StatusTable.NODE_RESULTS.sourcesSql(RunStatus.QUEUED), fence.sql()))
                .params(params(List.of(fence.runId()), fence)).update();
    }

    /** Moves one step to {@code target}, from a status the table allows, under the fence; anything else is raised. */
    private void stepTo(RunFence fence, long taskId, RunStatus target, String set, Object... values) {
        List<Object> params = new ArrayList<>();
        params.add(target.name());
        params.addAll(Arrays.asList(values));
        params.add(taskId);
        params.add(fence.runId());
        int updated = jdbc.sql("UPDATE run_tasks SET status = ?, " + set + " WHERE id = ? AND run_id = ? AND status IN ("
                        + StatusTable.STEPS.sourcesSql(target) + ") AND " + fence.sql())
                .params(params(params, fence)).update();
        if (updated != 1) {
            String found = jdbc.sql("SELECT status FROM run_tasks WHERE id = ?").param(taskId).query(String.class).optional()
                    .orElse("no such step");
            throw conflict(fence, "step " + taskId + " → " + target + " (found " + found + ")");
        }
    }

    /**
     * Writes each node's row of a step: a new row with an initial status, or an existing one moved
     * as the table allows. Under the fence, held for the transaction by locking the run's row (a
     * move of the run waits for it); a row the write did not reach is raised.
     */
    private void nodesTo(RunFence fence, long taskId, List<HostResult> rows, Instant at) {
        if (rows.isEmpty()) {
            return;
        }
        if (jdbc.sql("SELECT guard_run.id " + fence.from() + " FOR UPDATE").params(fence.params()).query(Long.class).list().isEmpty()) {
            throw new RunMovedOnException(fence, "the rows of " + rows.size() + " node(s) in step " + taskId);
        }
        Map<Long, RunStatus> current = new HashMap<>();
        jdbc.sql("SELECT node_id, status FROM run_host_results WHERE run_task_id = ?").param(taskId)
                .query(rs -> {
                    current.put(rs.getLong("node_id"), RunStatus.valueOf(rs.getString("status")));
                });
        Map<RunStatus, List<Object[]>> updates = new TreeMap<>();
        List<Object[]> inserts = new ArrayList<>();
        for (HostResult row : rows) {
            Object[] values = {row.ip(), row.status().name(), row.rc(), row.ok(), row.changed(), row.failed(), row.skipped(),
                    row.durationMs(), truncate(row.message(), 2000), DbTime.toDb(at), row.stoppedStep(), taskId, row.nodeId()};
            if (current.get(row.nodeId()) == row.status()) {
                throw conflict(fence, "node " + row.nodeId() + " of step " + taskId + " is " + row.status() + " already");
            } else if (current.containsKey(row.nodeId())) {
                updates.computeIfAbsent(row.status(), k -> new ArrayList<>()).add(withFence(values, fence));
            } else if (StatusTable.NODE_RESULTS.initial().contains(row.status())) {
                inserts.add(values);
            } else {
                throw new IllegalStateException("node " + row.nodeId() + " of step " + taskId + " has no row to become " + row.status());
            }
        }
        List<int[]> counts = new ArrayList<>();
        for (Map.Entry<RunStatus, List<Object[]>> batch : updates.entrySet()) {
            counts.add(template.batchUpdate("""
                    UPDATE run_host_results SET ip = ?, status = ?, rc = ?, ok_count = ?, changed_count = ?, failed_count = ?,
                                                skipped_count = ?, duration_ms = ?, message = ?, finished_at = ?,
                                                stopped_step = ?, progress = NULL
                    WHERE run_task_id = ? AND node_id = ? AND status IN (%s) AND %s"""
                    .formatted(StatusTable.NODE_RESULTS.sourcesSql(batch.getKey()), fence.sql()), batch.getValue()));
        }
        if (!inserts.isEmpty()) {
            counts.add(template.batchUpdate("""
                    INSERT INTO run_host_results (ip, status, rc, ok_count, changed_count, failed_count, skipped_count, duration_ms,
                                                  message, finished_at, stopped_step, run_task_id, node_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts));
        }
        if (!eachChangedOneRow(counts) && !allWritten(taskId, rows)) {
            String moves = rows.stream().map(row -> (current.containsKey(row.nodeId()) ? current.get(row.nodeId()).name() : "none")
                    + " → " + row.status()).distinct().collect(Collectors.joining(", "));
            throw conflict(fence, "the rows of " + rows.size() + " node(s) in step " + taskId + " (" + moves + ")");
        }
    }

    /** Whether each statement changed its row; a driver may also answer "success, count unknown": then {@link #allWritten} tells. */
    private static boolean eachChangedOneRow(List<int[]> counts) {
        return counts.stream().flatMapToInt(Arrays::stream).allMatch(count -> count == 1);
    }

    /**
     * Whether every row now has the status written, for a driver that did not count (none had it
     * before: a move to the same status is refused first, so only the write can have set it).
     */
    private boolean allWritten(long taskId, List<HostResult> rows) {
        Map<Long, String> now = new HashMap<>();
        jdbc.sql("SELECT node_id, status FROM run_host_results WHERE run_task_id = ?").param(taskId)
                .query(rs -> {
                    now.put(rs.getLong("node_id"), rs.getString("status"));
                });
        return rows.stream().allMatch(row -> row.status().name().equals(now.get(row.nodeId())));
    }

    /** The fence no longer holds (the execution lost its run), or the row was in a status the table does not allow to move so. */
    private RuntimeException conflict(RunFence fence, String what) {
        boolean holds = jdbc.sql("SELECT COUNT(*) FROM runs WHERE id = ? AND " + fence.sql())
                .params(params(List.of(fence.runId()), fence)).query(Long.class).single() > 0;
        return holds ? new IllegalStateException(what + ": not a transition the status table allows")
                : new RunMovedOnException(fence, what);
    }

    private static void require(StatusTable table, RunStatus from, RunStatus to) {
        if (!table.allows(from, to)) {
            throw new IllegalStateException(table + " does not allow " + from + " → " + to);
        }
    }

    private static Object[] withFence(Object[] values, RunFence fence) {
        return params(Arrays.asList(values), fence).toArray();
    }

    private static List<Object> params(List<Object> values, RunFence fence) {
        List<Object> all = new ArrayList<>(values);
        all.addAll(fence.params());
        return all;
    }

    /** The address a node had in this run (it may have changed in the inventory since). */
    public Optional<String> ipOf(long runId, long nodeId) {
        return jdbc.sql("""
                SELECT n.ip FROM run_item_nodes n JOIN run_items i ON i.id = n.run_item_id
                WHERE i.run_id = ? AND n.node_id = ? ORDER BY n.id LIMIT 1""")
                .params(runId, nodeId).query(String.class).optional();
    }

    /**
     * A carry-on run's rows for the steps its nodes already succeeded in the run it carries on from
     * ({@code fromRunId}): inserted SUCCEEDED, not moved there along the status table, because each
     * copies that run's own final row (its exit code and counts; the message says where it ran). The
     * engine counts them as done, so each node starts at its first step that did not succeed.
     */
    public void carryOver(long taskId, List<HostResult> succeeded, long fromRunId) {
        List<Object[]> rows = succeeded.stream().map(row -> new Object[] {taskId, row.nodeId(), row.ip(), RunStatus.SUCCEEDED.name(),
                row.rc(), row.ok(), row.changed(), row.failed(), row.skipped(),
                truncate("succeeded in run " + fromRunId + ", not run again" + (row.message() == null ? "" : ": " + row.message()),
                        2000)}).toList();
        if (!rows.isEmpty()) {
            template.batchUpdate("""
                    INSERT INTO run_host_results (run_task_id, node_id, ip, status, rc, ok_count, changed_count, failed_count,
                                                  skipped_count, message)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        }
    }

    /**
     * What each node is doing in a running step (by node id: the task it is at). Only a row still
     * RUNNING takes it: a result that arrived first is never overwritten by a late progress line.
     */
    public void progress(long taskId, Map<Long, String> tasks) {
        List<Object[]> rows = tasks.entrySet().stream()
                .map(entry -> new Object[] {truncate(entry.getValue(), 500), taskId, entry.getKey()}).toList();
        if (!rows.isEmpty()) {
            template.batchUpdate("UPDATE run_host_results SET progress = ? WHERE run_task_id = ? AND node_id = ? AND status = 'RUNNING'",
                    rows);
        }
    }

    /** Per task id, the host results of a run. */
    public Map<Long, List<HostResult>> hostResults(long runId) {
        Map<Long, List<HostResult>> results = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT h.* FROM run_host_results h JOIN run_tasks t ON t.id = h.run_task_id WHERE t.run_id = ?
                ORDER BY h.run_task_id, h.node_id""")
                .param(runId)
                .query(rs -> {
                    results.computeIfAbsent(rs.getLong("run_task_id"), k -> new ArrayList<>()).add(new HostResult(
                            rs.getLong("node_id"), rs.getString("ip"), RunStatus.valueOf(rs.getString("status")),
                            nullableInt(rs, "rc"), rs.getInt("ok_count"), rs.getInt("changed_count"), rs.getInt("failed_count"),
                            rs.getInt("skipped_count"), nullableLong(rs, "duration_ms"), rs.getString("message"),
                            nullableInt(rs, "stopped_step"), rs.getString("progress")));
                });
        return results;
    }

    private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer nullableInt(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public record SnapshotItem(int sequence, long templateId, String templateName, int templateVersion, List<TargetNode> nodes,
                        List<PlannedTask> tasks) {
    }

    public record RunItem(long id, int sequence, long templateId, String templateName, int templateVersion, List<RunNode> nodes,
                   List<RunTask> tasks) {
    }

    public record RunNode(long nodeId, String ip, String hostname, int sshPort, String sshUser, long nodePoolId, String nodePoolName,
                   Long nodeCredentialId, Long poolCredentialId) {
    }

    public record RunTask(long id, int sequence, String type, String dispatch, List<PlannedStep> steps, String playbook,
                   String command, List<String> reports, RunStatus status, Instant startedAt, Instant finishedAt,
                   Long durationMs, String message, String runAs) {
    }

    /**
     * One node's row of a step. {@code stoppedStep}: the template step (its sequence) of the
     * step's playbook at which the node stopped, when known; {@code progress}: the task the node
     * is at while the step runs (both from Ansible's events, null otherwise).
     */
    public record HostResult(long nodeId, String ip, RunStatus status, Integer rc, int ok, int changed, int failed, int skipped,
                      Long durationMs, String message, Integer stoppedStep, String progress) {

        public HostResult(long nodeId, String ip, RunStatus status, Integer rc, int ok, int changed, int failed, int skipped,
                          Long durationMs, String message) {
            this(nodeId, ip, status, rc, ok, changed, failed, skipped, durationMs, message, null, null);
        }

        /** The same result, saying at which template step of the playbook the node stopped. */
        public HostResult stoppedAt(Integer step) {
            return new HostResult(nodeId, ip, status, rc, ok, changed, failed, skipped, durationMs, message, step, progress);
        }

        /** The same result with its message masked (a failed task's message may quote a secret value). */
        public HostResult masked(java.util.function.UnaryOperator<String> mask) {
            return new HostResult(nodeId, ip, status, rc, ok, changed, failed, skipped, durationMs, mask.apply(message),
                    stoppedStep, progress);
        }
    }
}
