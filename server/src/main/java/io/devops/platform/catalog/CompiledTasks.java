package io.devops.platform.catalog;

import io.devops.platform.shared.DbTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The seed's playbook_task, task_operator, shell_task and template_task rows: what a template
 * version compiled into, stored once, so that a run refers to exact, unchanging tasks.
 */
@Repository
class CompiledTasks {

    private final JdbcClient jdbc;
    private final RoleReports roleReports;

    CompiledTasks(JdbcClient jdbc, RoleReports roleReports) {
        this.jdbc = jdbc;
        this.roleReports = roleReports;
    }

    void store(long templateId, List<TemplateCompiler.CompiledTask> tasks, Instant at, String by) {
        int sequence = 0;
        for (TemplateCompiler.CompiledTask task : tasks) {
            Long playbookId = null;
            Long shellId = null;
            Dispatch dispatch = Dispatch.ANSIBLE;
            if (task instanceof TemplateCompiler.PlaybookTask playbook) {
                List<String> reports = roleReports.ofOperators(
                        playbook.steps().stream().map(TemplateStep.OperatorStep::operatorId).toList());
                playbookId = insert("""
                        INSERT INTO playbook_tasks (playbook_script, reports, created_at, created_by) VALUES (?, ?, ?, ?)""",
                        playbook.playbook(), reports.isEmpty() ? null : String.join("\n", reports), DbTime.toDb(at), by);
                int position = 0;
                for (TemplateStep.OperatorStep step : playbook.steps()) {
                    jdbc.sql("INSERT INTO task_operators (playbook_task_id, operator_id, sequence) VALUES (?, ?, ?)")
                            .params(playbookId, step.operatorId(), ++position).update();
                }
            } else {
                TemplateStep.ScriptStep step = ((TemplateCompiler.ShellTask) task).step();
                dispatch = step.dispatch();
                shellId = insert("""
                        INSERT INTO shell_tasks (shell_id, content, reports, run_as, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?)""",
                        step.shellId(), step.command(), String.join("\n", step.reports()), step.runAs(), DbTime.toDb(at), by);
            }
            List<? extends TemplateStep> steps = task.steps();
            jdbc.sql("""
                    INSERT INTO template_tasks (template_id, sequence, task_type, dispatch, playbook_task_id, shell_task_id,
                                                first_step, last_step)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(templateId, ++sequence, playbookId != null ? TaskType.PLAYBOOK.name() : TaskType.SHELL.name(),
                            dispatch.name(), playbookId, shellId, steps.get(0).sequence(),
                            steps.get(steps.size() - 1).sequence())
                    .update();
        }
    }

    /** The stored tasks of a template version; {@code steps} gives each task its template steps. */
    List<PlannedTask> plan(long templateId, List<PlannedStep> steps) {
        return jdbc.sql("""
                SELECT tt.*, p.playbook_script, p.reports AS playbook_reports, s.content, s.reports, s.run_as FROM template_tasks tt
                LEFT JOIN playbook_tasks p ON p.id = tt.playbook_task_id LEFT JOIN shell_tasks s ON s.id = tt.shell_task_id
                WHERE tt.template_id = ? ORDER BY tt.sequence""")
                .param(templateId)
                .query((rs, n) -> {
                    int first = rs.getInt("first_step");
                    int last = rs.getInt("last_step");
                    TaskType type = TaskType.valueOf(rs.getString("task_type"));
                    long playbookId = rs.getLong("playbook_task_id");
                    long shellId = rs.getLong("shell_task_id");
                    String reports = rs.getString(type == TaskType.PLAYBOOK ? "playbook_reports" : "reports");
                    return new PlannedTask(rs.getInt("sequence"), type, Dispatch.valueOf(rs.getString("dispatch")),
                            steps.stream().filter(s -> s.sequence() >= first && s.sequence() <= last).toList(),
                            type == TaskType.PLAYBOOK ? playbookId : null, type == TaskType.SHELL ? shellId : null,
                            rs.getString("playbook_script"), rs.getString("content"),
                            type == TaskType.PLAYBOOK ? roles(playbookId) : List.of(),
                            reports == null || reports.isEmpty() ? List.of() : Arrays.asList(reports.split("\n")),
                            type == TaskType.PLAYBOOK ? roleVersions(playbookId) : List.of(), rs.getString("run_as"));
                }).list();
    }

    private List<String> roles(long playbookTaskId) {
        return jdbc.sql("""
                SELECT DISTINCT r.name, MIN(t.sequence) AS first FROM task_operators t JOIN operators o ON o.id = t.operator_id
                JOIN roles r ON r.id = o.role_id WHERE t.playbook_task_id = ? GROUP BY r.name ORDER BY first""")
                .param(playbookTaskId).query((rs, n) -> rs.getString("name")).list();
    }

    private List<PlannedTask.PinnedRoleVersion> roleVersions(long playbookTaskId) {
        return jdbc.sql("""
                SELECT t.sequence, r.name, v.version, v.content_hash FROM task_operators t
                JOIN operators o ON o.id = t.operator_id JOIN roles r ON r.id = o.role_id
                JOIN role_versions v ON v.id = o.role_version_id WHERE t.playbook_task_id = ? ORDER BY t.sequence""")
                .param(playbookTaskId).query((rs, n) -> new PlannedTask.PinnedRoleVersion(rs.getInt("sequence"),
                        rs.getString("name"), rs.getInt("version"), rs.getString("content_hash"))).list();
    }

    private long insert(String sql, Object... params) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(keys, "id");
        return keys.getKey().longValue();
    }
}
