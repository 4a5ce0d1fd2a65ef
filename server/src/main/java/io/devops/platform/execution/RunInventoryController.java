package io.devops.platform.execution;

import io.devops.platform.execution.dispatch.RunInventories;
import io.devops.platform.identity.TenantAware;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/runs/{id}/inventory}: the inventory a run's playbooks used, as recorded when
 * each step started (secrets as {@code "<secret>"}). {@code groups}, {@code groupVars} and
 * {@code hostVars} over the whole run (a later step's variables over an earlier one's), and
 * {@code steps}, each step's own.
 */
@RestController
@TenantAware
@RequestMapping("/api/v1")
class RunInventoryController {

    private final RunAccess access;
    private final RunInventories inventories;

    RunInventoryController(RunAccess access, RunInventories inventories) {
        this.access = access;
        this.inventories = inventories;
    }

    @GetMapping("/runs/{id}/inventory")
    Map<String, Object> inventory(@PathVariable long id) {
        access.visible(id);
        List<Map<String, Object>> steps = inventories.of(id);
        Map<String, LinkedHashSet<Object>> groups = new LinkedHashMap<>();
        Map<Object, Object> groupVars = new LinkedHashMap<>();
        Map<Object, Object> hostVars = new LinkedHashMap<>();
        for (Map<String, Object> step : steps) {
            ((Map<?, ?>) step.get("groups")).forEach((name, hosts) ->
                    groups.computeIfAbsent(String.valueOf(name), n -> new LinkedHashSet<>()).addAll((List<?>) hosts));
            groupVars.putAll((Map<?, ?>) step.get("groupVars"));
            hostVars.putAll((Map<?, ?>) step.get("hostVars"));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("runId", id);
        Map<String, Object> groupLists = new LinkedHashMap<>();
        groups.forEach((name, hosts) -> groupLists.put(name, new ArrayList<>(hosts)));
        answer.put("groups", groupLists);
        answer.put("groupVars", groupVars);
        answer.put("hostVars", hostVars);
        answer.put("steps", steps);
        return answer;
    }
}
