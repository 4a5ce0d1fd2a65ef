package io.devops.platform.execution.dispatch;

import io.devops.platform.shared.DbTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inventory each Ansible step of a run used (groups, group and host variables, secrets as
 * {@code "<secret>"}), kept with the run so that it can be explained after the variables changed.
 */
@Component
public class RunInventories {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    RunInventories(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void record(long runId, long taskId, Map<String, Object> inventory) {
        jdbc.sql("INSERT INTO run_inventories (run_id, task_id, inventory, recorded_at) VALUES (?, ?, ?, ?)")
                .params(runId, taskId, json.writeValueAsString(inventory), DbTime.toDb(clock.instant())).update();
    }

    /**
     * Each step's inventory in the order the steps ran: {@code {"taskId", "recordedAt", "stepNames",
     * "groups", "groupVars", "hostVars"}}; {@code stepNames} are the template steps the playbook ran.
     */
    public List<Map<String, Object>> of(long runId) {
        List<Map<String, Object>> steps = new ArrayList<>();
        jdbc.sql("""
                SELECT i.task_id, i.inventory, i.recorded_at, t.steps FROM run_inventories i
                LEFT JOIN run_tasks t ON t.id = i.task_id WHERE i.run_id = ? ORDER BY i.id""")
                .param(runId)
                .query(rs -> {
                    Map<String, Object> step = new LinkedHashMap<>();
                    step.put("taskId", rs.getLong("task_id"));
                    step.put("recordedAt", DbTime.read(rs, "recorded_at"));
                    step.put("stepNames", stepNames(rs.getString("steps")));
                    step.putAll(json.readValue(rs.getString("inventory"), Map.class));
                    steps.add(step);
                });
        return steps;
    }

    private List<String> stepNames(String plannedSteps) {
        if (plannedSteps == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        json.readTree(plannedSteps).forEach(step -> names.add(step.path("name").asString()));
        return names;
    }
}
