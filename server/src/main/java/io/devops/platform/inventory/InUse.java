package io.devops.platform.inventory;

import io.devops.platform.inventory.NodeUsage.Use;
import io.devops.platform.shared.ConflictException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The 409 for nodes that runs hold: the runs in its detail, and as {@code runs} for scripts. */
final class InUse {

    private static final int NAMED = 10;

    private InUse() {
    }

    /** "run 42 of job delivery (RUNNING), run 43 of job delivery (QUEUED)": each run once, at most ten. */
    static String runs(List<Use> uses) {
        List<String> runs = uses.stream().map(Use::describe).distinct().toList();
        return String.join(", ", runs.stream().limit(NAMED).toList())
                + (runs.size() > NAMED ? " and " + (runs.size() - NAMED) + " more" : "");
    }

    static ConflictException refusal(String detail, List<Use> uses) {
        Map<Long, HoldingRun> byRun = new LinkedHashMap<>();
        for (Use use : uses) {
            byRun.computeIfAbsent(use.runId(), id -> new HoldingRun(id, use.jobName(), use.status(), new ArrayList<>()))
                    .nodeIds().add(use.nodeId());
        }
        return new ConflictException(detail, Map.of("runs", List.copyOf(byRun.values())));
    }

    /** A run as the problem lists it, with the nodes of the request that it holds. */
    record HoldingRun(long id, String jobName, String status, List<Long> nodeIds) {
    }
}
