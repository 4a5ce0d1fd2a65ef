package io.devops.platform.execution;

import io.devops.platform.catalog.PlannedStep;
import io.devops.platform.catalog.PlannedTask;
import io.devops.platform.inventory.NodeTargets.TargetNode;
import io.devops.platform.shared.DbTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
class RunContents {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    RunContents(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    void insertItem(long runId, SnapshotItem item) {
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
                                           shell_task_id, playbook, command, reports, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED')""")
                    .params(runId, itemId, task.sequence(), task.type().name(), task.dispatch().name(),
                            json.writeValueAsString(task.steps()), task.playbookTaskId(), task.shellTaskId(), task.playbook(),
                            task.command(), json.writeValueAsString(task.reports() == null ? List.of() : task.reports()))
                    .update();
        }
    }

    /** The run's items in order, each with its nodes and tasks. */
    List<RunItem> items(long runId) {
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
                            DbTime.read(rs, "finished_at"), nullableLong(rs, "duration_ms"), rs.getString("message")));
                });
        return jdbc.sql("SELECT * FROM run_items WHERE run_id = ? ORDER BY sequence").param(runId)
                .query((rs, n) -> new RunItem(rs.getLong("id"), rs.getInt("sequence"), rs.getLong("template_id"),
                        rs.getString("template_name"), rs.getInt("template_version"),
                        nodes.getOrDefault(rs.getLong("id"), List.of()), tasks.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    void taskStarted(long taskId, Instant at) {
        jdbc.sql("UPDATE run_tasks SET status = 'RUNNING', started_at = ?, finished_at = NULL, message = NULL WHERE id = ?")
                .params(DbTime.toDb(at), taskId).update();
    }

    void taskFinished(long taskId, RunStatus status, Integer exitCode, String message, Instant startedAt, Instant at) {
        Long duration = startedAt == null ? null : java.time.Duration.between(startedAt, at).toMillis();
        jdbc.sql("UPDATE run_tasks SET status = ?, exit_code = ?, message = ?, finished_at = ?, duration_ms = ? WHERE id = ?")
                .params(status.name(), exitCode, truncate(message, 1000), DbTime.toDb(at), duration, taskId).update();
    }

    /** Marks every task not yet finished with {@code status} (a run that stops, is cancelled or interrupted). */
    void closeOpenTasks(long runId, RunStatus status, String message, Instant at) {
        jdbc.sql("""
                UPDATE run_tasks SET status = ?, message = COALESCE(message, ?), finished_at = COALESCE(finished_at, ?)
                WHERE run_id = ? AND status IN ('QUEUED', 'RUNNING')""")
                .params(status.name(), message, DbTime.toDb(at), runId).update();
    }

    /** Resume: everything that did not succeed runs again. */
    void reopenUnfinishedTasks(long runId) {
        List<Long> reopened = jdbc.sql("SELECT id FROM run_tasks WHERE run_id = ? AND status <> 'SUCCEEDED'").param(runId)
                .query(Long.class).list();
        for (long taskId : reopened) {
            jdbc.sql("DELETE FROM run_host_results WHERE run_task_id = ?").param(taskId).update();
        }
        jdbc.sql("""
                UPDATE run_tasks SET status = 'QUEUED', started_at = NULL, finished_at = NULL, duration_ms = NULL,
                                     exit_code = NULL, message = NULL
                WHERE run_id = ? AND status <> 'SUCCEEDED'""").param(runId).update();
    }

    /** A step's result on each node, replacing earlier ones (a resumed step): one transaction, one batch. */
    @Transactional
    void saveHostResults(long taskId, List<HostResult> results, Instant at) {
        List<Long> nodeIds = results.stream().map(HostResult::nodeId).toList();
        for (int from = 0; from < nodeIds.size(); from += 1000) {
            jdbc.sql("DELETE FROM run_host_results WHERE run_task_id = :task AND node_id IN (:nodes)")
                    .param("task", taskId).param("nodes", nodeIds.subList(from, Math.min(nodeIds.size(), from + 1000))).update();
        }
        template.batchUpdate("""
                INSERT INTO run_host_results (run_task_id, node_id, ip, status, rc, ok_count, changed_count, failed_count,
                                              skipped_count, duration_ms, message, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", results, 500, (statement, result) -> {
            Object[] values = {taskId, result.nodeId(), result.ip(), result.status().name(), result.rc(), result.ok(),
                    result.changed(), result.failed(), result.skipped(), result.durationMs(), truncate(result.message(), 2000),
                    DbTime.toDb(at)};
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
        });
    }

    /** Per task id, the host results of a run. */
    /** The address a node had in this run (it may have changed in the inventory since). */
    Optional<String> ipOf(long runId, long nodeId) {
        return jdbc.sql("""
                SELECT n.ip FROM run_item_nodes n JOIN run_items i ON i.id = n.run_item_id
                WHERE i.run_id = ? AND n.node_id = ? ORDER BY n.id LIMIT 1""")
                .params(runId, nodeId).query(String.class).optional();
    }

    Map<Long, List<HostResult>> hostResults(long runId) {
        Map<Long, List<HostResult>> results = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT h.* FROM run_host_results h JOIN run_tasks t ON t.id = h.run_task_id WHERE t.run_id = ?
                ORDER BY h.run_task_id, h.node_id""")
                .param(runId)
                .query(rs -> {
                    results.computeIfAbsent(rs.getLong("run_task_id"), k -> new ArrayList<>()).add(new HostResult(
                            rs.getLong("node_id"), rs.getString("ip"), RunStatus.valueOf(rs.getString("status")),
                            nullableInt(rs, "rc"), rs.getInt("ok_count"), rs.getInt("changed_count"), rs.getInt("failed_count"),
                            rs.getInt("skipped_count"), nullableLong(rs, "duration_ms"), rs.getString("message")));
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

    record SnapshotItem(int sequence, long templateId, String templateName, int templateVersion, List<TargetNode> nodes,
                        List<PlannedTask> tasks) {
    }

    record RunItem(long id, int sequence, long templateId, String templateName, int templateVersion, List<RunNode> nodes,
                   List<RunTask> tasks) {
    }

    record RunNode(long nodeId, String ip, String hostname, int sshPort, String sshUser, long nodePoolId, String nodePoolName,
                   Long nodeCredentialId, Long poolCredentialId) {
    }

    record RunTask(long id, int sequence, String type, String dispatch, List<PlannedStep> steps, String playbook,
                   String command, List<String> reports, RunStatus status, Instant startedAt, Instant finishedAt,
                   Long durationMs, String message) {
    }

    record HostResult(long nodeId, String ip, RunStatus status, Integer rc, int ok, int changed, int failed, int skipped,
                      Long durationMs, String message) {
    }
}
