package io.devops.platform.repair;

import io.devops.platform.health.RepairAction;
import java.time.Instant;
import java.util.List;

/** One row of {@code node_repairs}: an attempt to repair a node for a condition, with the chain it follows. */
record Repair(long id, long nodeId, Condition condition, Long healthEventId, List<RepairAction> chain, int escalateAfter,
              List<String> reacceptanceChecks, RepairAction action, Long runId, String actor, String reason, Long policyId,
              Integer policyVersion, RepairStatus status, RepairResult.Kind result, String detail, Instant createdAt,
              Instant startedAt, Instant endedAt) {

    Repair {
        chain = List.copyOf(chain);
        reacceptanceChecks = List.copyOf(reacceptanceChecks);
    }
}
